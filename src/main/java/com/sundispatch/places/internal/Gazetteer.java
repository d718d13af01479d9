package com.sundispatch.places.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.sundispatch.places.Locations;
import com.sundispatch.places.Place;
import com.sundispatch.places.Precision;

/**
 * The offline gazetteer: GeoNames towns of Germany, Austria and Switzerland and the German and Austrian postal
 * codes (built by scripts/build-gazetteer.mjs), held in memory. Searches by postal code (exact or prefix) and by
 * town name (exact or prefix, folded so that case, accents, umlauts spelled ae/oe/ue and ß/ss do not matter),
 * best first; places a postal code or town; and finds the postal area (never a street) around a point.
 * Immutable once built, so it is safe to share between threads.
 */
final class Gazetteer {

    static final String RESOURCE = "/places/gazetteer.tsv.gz";
    /** Reverse lookups farther than this from any known point answer nothing. */
    static final double REVERSE_RADIUS_KM = 30;
    private static final double CELL_DEGREES = 0.5;
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,5}");

    /** A postal code of one town, or a town; {@code codes} are a town's postal codes, sorted. */
    record Entry(boolean postal, String country, String code, String name, String key, String region,
            double latitude, double longitude, int weight, boolean approximate, List<String> codes) {
    }

    /** A name (or alias) of a town, for prefix search over the sorted keys. */
    private record NameKey(String key, Entry town) {
    }

    private final Entry[] postal;
    private final String[] postalCodes;
    private final NameKey[] names;
    private final String[] nameKeys;
    private final Map<String, List<Entry>> postalByCode;
    private final Map<Long, List<Entry>> cells;
    private final Set<String> postalCountries;

    private Gazetteer(List<Entry> postalEntries, List<Entry> towns, Map<Entry, List<String>> aliases) {
        postalEntries.sort(Comparator.comparing(Entry::code).thenComparing(Entry::country).thenComparing(Entry::key));
        this.postal = postalEntries.toArray(Entry[]::new);
        this.postalCodes = Arrays.stream(postal).map(Entry::code).toArray(String[]::new);
        this.postalCountries = Set.copyOf(Arrays.stream(postal).map(Entry::country).toList());
        this.postalByCode = new HashMap<>();
        for (Entry e : postal) {
            postalByCode.computeIfAbsent(e.country() + ":" + e.code(), k -> new ArrayList<>(2)).add(e);
        }
        List<NameKey> keys = new ArrayList<>();
        for (Entry t : towns) {
            keys.add(new NameKey(t.key(), t));
            for (String alias : aliases.getOrDefault(t, List.of())) {
                keys.add(new NameKey(fold(alias), t));
            }
        }
        keys.sort(Comparator.comparing(NameKey::key));
        this.names = keys.toArray(NameKey[]::new);
        this.nameKeys = keys.stream().map(NameKey::key).toArray(String[]::new);
        this.cells = new HashMap<>();
        for (Entry e : postal) {
            cells.computeIfAbsent(cell(e.latitude(), e.longitude()), k -> new ArrayList<>()).add(e);
        }
        for (Entry t : towns) {
            cells.computeIfAbsent(cell(t.latitude(), t.longitude()), k -> new ArrayList<>()).add(t);
        }
    }

    /** Reads the shipped data file. */
    static Gazetteer load() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The gazetteer data " + RESOURCE + " is missing from the build");
            }
            return read(new GZIPInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException("The gazetteer data could not be read", e);
        }
    }

    /** Reads the TSV format written by scripts/build-gazetteer.mjs. */
    static Gazetteer read(InputStream tsv) throws IOException {
        List<String[]> postalRows = new ArrayList<>();
        List<String[]> townRows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String[] f = line.split("\t", -1);
            if (f.length == 8 && f[0].equals("P")) {
                postalRows.add(f);
            } else if (f.length == 8 && f[0].equals("T")) {
                townRows.add(f);
            }
        }
        // A town's codes are those whose (exact, not approximated) point is the town's point.
        Map<String, Set<String>> codesAt = new HashMap<>();
        for (String[] p : postalRows) {
            if (p[7].equals("0")) {
                codesAt.computeIfAbsent(p[1] + ":" + p[5] + ":" + p[6], k -> new TreeSet<>()).add(p[2]);
            }
        }
        Map<String, Integer> townWeights = new HashMap<>();
        List<Entry> towns = new ArrayList<>();
        Map<Entry, List<String>> aliases = new HashMap<>();
        Set<String> townNames = new LinkedHashSet<>();
        for (String[] t : townRows) {
            List<String> codes = List.copyOf(codesAt.getOrDefault(t[1] + ":" + t[4] + ":" + t[5], Set.of()));
            Entry town = new Entry(false, t[1], "", t[2], fold(t[2]), t[3], Double.parseDouble(t[4]),
                    Double.parseDouble(t[5]), Integer.parseInt(t[6]), false, codes);
            towns.add(town);
            townNames.add(t[1] + ":" + town.key());
            townWeights.merge(t[1] + ":" + t[4] + ":" + t[5], town.weight(), Math::max);
            if (!t[7].isEmpty()) {
                List<String> a = List.of(t[7].split("\\|"));
                aliases.put(town, a);
                a.forEach(alias -> townNames.add(t[1] + ":" + fold(alias)));
            }
        }
        List<Entry> postalEntries = new ArrayList<>(postalRows.size());
        Map<String, List<Entry>> postalOnlyNames = new HashMap<>();
        for (String[] p : postalRows) {
            double lat = Double.parseDouble(p[5]);
            double lon = Double.parseDouble(p[6]);
            Entry e = new Entry(true, p[1], p[2], p[3], fold(p[3]), p[4], lat, lon,
                    townWeights.getOrDefault(p[1] + ":" + p[5] + ":" + p[6], 0), p[7].equals("1"), List.of(p[2]));
            postalEntries.add(e);
            if (!townNames.contains(p[1] + ":" + e.key())) {
                postalOnlyNames.computeIfAbsent(p[1] + ":" + e.key(), k -> new ArrayList<>()).add(e);
            }
        }
        // Villages that only the postal lists know are towns too (with their first code's point), so a name
        // search finds them.
        for (List<Entry> group : postalOnlyNames.values()) {
            Entry first = group.stream().min(Comparator.comparing(Entry::code)).orElseThrow();
            List<String> codes = group.stream().map(Entry::code).sorted().distinct().toList();
            towns.add(new Entry(false, first.country(), "", first.name(), first.key(), first.region(),
                    first.latitude(), first.longitude(), codes.size(), first.approximate(), codes));
        }
        return new Gazetteer(postalEntries, towns, aliases);
    }

    /**
     * Lower case, accents and umlauts removed (ä, ae and a are one letter here), ß = ss, punctuation and
     * hyphens as single spaces, "St." = "Sankt"; applied alike to the data and to what people type.
     */
    static String fold(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace("ß", "ss").replace("ä", "a").replace("ö", "o")
                .replace("ü", "u");
        t = MARKS.matcher(Normalizer.normalize(t, Normalizer.Form.NFD)).replaceAll("");
        t = t.replace("ae", "a").replace("oe", "o").replace("ue", "u");
        t = NON_ALNUM.matcher(t).replaceAll(" ").trim();
        if (t.equals("st") || t.startsWith("st ") || t.contains(" st ") || t.endsWith(" st")) {
            t = String.join(" ", Arrays.stream(t.split(" ")).map(w -> w.equals("st") ? "sankt" : w).toList());
        }
        return t;
    }

    int postalCodeCount() {
        return postal.length;
    }

    int townCount() {
        return (int) Arrays.stream(names).map(NameKey::town).distinct().count();
    }

    /**
     * Suggestions for what someone typed: a postal code or its start (optionally followed or preceded by a town),
     * or a town's name or its start. Country null: all covered countries. Best first, at most {@code limit}.
     */
    List<Place> search(String text, String country, int limit) {
        String folded = fold(text);
        if (folded.isEmpty() || limit < 1) {
            return List.of();
        }
        // The postal code is the 4-5 digit word (else the first shorter one: a prefix being typed); the town is
        // what follows it ("Hauptstraße 5, 10117 Berlin") or, with nothing after it, what precedes it ("Berlin 101").
        String[] words = folded.split(" ");
        int at = -1;
        for (int i = 0; i < words.length; i++) {
            if (DIGITS.matcher(words[i]).matches() && (at < 0 || (words[i].length() >= 4 && words[at].length() < 4))) {
                at = i;
            }
        }
        String code = at < 0 ? null : words[at];
        String name;
        if (at < 0) {
            name = folded;
        } else if (at < words.length - 1) {
            name = String.join(" ", Arrays.copyOfRange(words, at + 1, words.length));
        } else {
            name = String.join(" ", Arrays.copyOfRange(words, 0, at));
        }
        // A short number between words ("Hauptstraße 5 Berlin") is a house number, not the start of a postal code.
        boolean houseNumber = code != null && code.length() < 4 && at > 0 && at < words.length - 1;
        if (code != null && !houseNumber) {
            return postalSearch(code, name, country, limit);
        }
        return townSearch(name, country, limit).stream().map(Gazetteer::townPlace).toList();
    }

    private List<Place> postalSearch(String code, String name, String country, int limit) {
        List<Entry> found = new ArrayList<>();
        for (int i = lowerBound(postalCodes, code); i < postal.length && postal[i].code().startsWith(code); i++) {
            Entry e = postal[i];
            if ((country == null || e.country().equals(country)) && (name.isEmpty() || nameMatches(e.key(), name))) {
                found.add(e);
            }
        }
        found.sort(Comparator.<Entry>comparingInt(e -> e.code().equals(code) ? 0 : 1)
                .thenComparingInt(e -> name.isEmpty() || e.key().equals(name) ? 0 : 1)
                .thenComparingInt(e -> e.approximate() ? 1 : 0)
                .thenComparing(Comparator.comparingInt(Entry::weight).reversed())
                .thenComparing(Entry::code).thenComparing(Entry::key));
        return found.stream().limit(limit).map(Gazetteer::postalPlace).toList();
    }

    /** Towns whose name (or alias) is {@code name} or starts with it; exact names first, then the bigger ones. */
    List<Entry> townSearch(String name, String country, int limit) {
        if (name.isEmpty()) {
            return List.of();
        }
        Map<Entry, Boolean> found = new HashMap<>();
        for (int i = lowerBound(nameKeys, name); i < names.length && names[i].key().startsWith(name); i++) {
            Entry t = names[i].town();
            if (country == null || t.country().equals(country)) {
                found.merge(t, names[i].key().equals(name), Boolean::logicalOr);
            }
        }
        return found.entrySet().stream()
                // An exact name with postal codes first (Berlin before Berlingerode), a bare city district of
                // that name (no codes of its own) after the bigger towns it is a prefix of.
                .sorted(Comparator.<Map.Entry<Entry, Boolean>>comparingInt(
                        e -> e.getValue() && e.getKey().weight() > 0 ? 0 : 1)
                        .thenComparing(Comparator.comparingInt((Map.Entry<Entry, Boolean> e) -> e.getKey().weight())
                                .reversed())
                        .thenComparingInt(e -> e.getKey().name().length())
                        .thenComparing(e -> e.getKey().key()).thenComparing(e -> e.getKey().region()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    /** The entries of one postal code (several when one code serves several towns). */
    List<Entry> postalCode(String code, String country) {
        return postalByCode.getOrDefault(country + ":" + code, List.of());
    }

    /**
     * The place of a postal code, when it exists in that country and (if a city was typed) the code's town, or one
     * of the towns that code serves, is that city: a typo in either never yields a silently wrong point.
     */
    Optional<Place> placePostalCode(String code, String city, String country) {
        List<Entry> entries = postalCode(code, country);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        if (city == null || city.isBlank()) {
            return Optional.of(postalPlace(entries.get(0)));
        }
        String wanted = fold(city);
        return entries.stream().filter(e -> e.key().equals(wanted)).findFirst()
                .or(() -> entries.stream().filter(e -> nameMatches(e.key(), wanted) || nameMatches(wanted, e.key()))
                        .findFirst())
                .or(() -> entries.stream().filter(e -> !e.approximate()).filter(e -> townAt(e).stream()
                        .anyMatch(t -> t.key().equals(wanted) || nameMatches(t.key(), wanted))).findFirst())
                .map(Gazetteer::postalPlace);
    }

    /** The town when exactly one of that name exists in the country; namesakes are ambiguous, so empty. */
    Optional<Place> placeTown(String city, String country) {
        String wanted = fold(city);
        List<Entry> exact = townSearch(wanted, country, 50).stream()
                .filter(t -> t.key().equals(wanted) || aliasEquals(t, wanted)).toList();
        return exact.size() == 1 ? Optional.of(townPlace(exact.get(0))) : Optional.empty();
    }

    /**
     * The postal area nearest the point, within 30 km; in a country without postal data (Switzerland), the town,
     * when it is nearer than any postal area across the border.
     */
    Optional<Place> reverse(double latitude, double longitude) {
        Entry bestPostal = null;
        double postalKm = Double.MAX_VALUE;
        Entry bestTown = null;
        double townKm = Double.MAX_VALUE;
        long row = (long) Math.floor((latitude + 90) / CELL_DEGREES);
        long col = (long) Math.floor((longitude + 180) / CELL_DEGREES);
        for (long r = row - 1; r <= row + 1; r++) {
            for (long c = col - 1; c <= col + 1; c++) {
                for (Entry e : cells.getOrDefault(r * 100_000 + c, List.of())) {
                    double km = Locations.distanceKm(latitude, longitude, e.latitude(), e.longitude());
                    if (e.postal() && km < postalKm) {
                        bestPostal = e;
                        postalKm = km;
                    } else if (!e.postal() && km < townKm && !postalCountries.contains(e.country())) {
                        bestTown = e;
                        townKm = km;
                    }
                }
            }
        }
        // Where there are postal codes the area is one; elsewhere (Switzerland) the town is the area.
        if (bestTown != null && townKm <= REVERSE_RADIUS_KM && townKm < postalKm) {
            return Optional.of(townPlace(bestTown));
        }
        if (bestPostal != null && postalKm <= REVERSE_RADIUS_KM) {
            return Optional.of(postalPlace(bestPostal));
        }
        return Optional.empty();
    }

    private List<Entry> townAt(Entry postalEntry) {
        List<Entry> at = new ArrayList<>();
        for (Entry t : cells.getOrDefault(cell(postalEntry.latitude(), postalEntry.longitude()), List.of())) {
            if (!t.postal() && t.latitude() == postalEntry.latitude() && t.longitude() == postalEntry.longitude()) {
                at.add(t);
            }
        }
        return at;
    }

    private boolean aliasEquals(Entry town, String wanted) {
        int i = lowerBound(nameKeys, wanted);
        for (; i < names.length && names[i].key().equals(wanted); i++) {
            if (names[i].town() == town) {
                return true;
            }
        }
        return false;
    }

    /** "frankfurt am main" matches "frankfurt" and "frankfurt am"; "neustadt" matches "bad neustadt" too. */
    private static boolean nameMatches(String key, String typed) {
        return key.startsWith(typed) || key.contains(" " + typed);
    }

    static Place postalPlace(Entry e) {
        String label = e.code() + " " + e.name() + (e.region().isEmpty() || e.region().equals(e.name()) ? ""
                : ", " + e.region()) + ", " + e.country();
        return new Place(label, "", e.code(), e.name(), e.region(), e.country(), e.latitude(), e.longitude(),
                Precision.POSTAL_CODE);
    }

    /** A town, labelled with its postal code(s) and region so namesakes can be told apart. */
    static Place townPlace(Entry t) {
        String codes = t.codes().isEmpty() ? ""
                : t.codes().size() == 1 ? t.codes().get(0) + " "
                        : "";
        String range = t.codes().size() > 1
                ? " (" + t.codes().get(0) + "–" + t.codes().get(t.codes().size() - 1) + ")" : "";
        String label = codes + t.name() + range + (t.region().isEmpty() || t.region().equals(t.name()) ? ""
                : ", " + t.region()) + ", " + t.country();
        return new Place(label, "", t.codes().isEmpty() ? "" : t.codes().get(0), t.name(), t.region(), t.country(),
                t.latitude(), t.longitude(), Precision.CITY);
    }

    private static long cell(double latitude, double longitude) {
        return (long) Math.floor((latitude + 90) / CELL_DEGREES) * 100_000
                + (long) Math.floor((longitude + 180) / CELL_DEGREES);
    }

    private static int lowerBound(String[] sorted, String key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
