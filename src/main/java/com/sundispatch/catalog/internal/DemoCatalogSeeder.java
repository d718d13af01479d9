package com.sundispatch.catalog.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A realistic demo shop for development, so a new user sees panels and answers at once. Only into an empty
 * catalog, only when {@code sundispatch.demo-data.enabled} (default on), and never in the prod profile.
 */
@Component
class DemoCatalogSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogSeeder.class);
    private static final String BLACK = "/assets/panels/mono-black.svg";
    private static final String SILVER = "/assets/panels/mono-silver.svg";
    private static final String LARGE = "/assets/panels/large-format.svg";

    private final PanelRepository panels;
    private final FaqRepository faq;
    private final TransactionTemplate tx;
    private final Environment environment;
    private final Clock clock;
    private final boolean enabled;

    DemoCatalogSeeder(PanelRepository panels, FaqRepository faq, TransactionTemplate tx, Environment environment,
            Clock clock, @Value("${sundispatch.demo-data.enabled:true}") boolean enabled) {
        this.panels = panels;
        this.faq = faq;
        this.tx = tx;
        this.environment = environment;
        this.clock = clock;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!enabled || environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        tx.executeWithoutResult(status -> {
            if (panels.count() == 0) {
                demoPanels().forEach(d -> panels.save(new Panel(UUID.randomUUID().toString(), d, clock.instant())));
                log.info("Demo catalog seeded ({} panels). Set SUNDISPATCH_DEMO_DATA=false to start empty.",
                        demoPanels().size());
            }
            if (faq.count() == 0) {
                List<String[]> entries = demoFaq();
                for (int i = 0; i < entries.size(); i++) {
                    faq.save(new FaqEntry(UUID.randomUUID().toString(), i, entries.get(i)[0], entries.get(i)[1]));
                }
            }
        });
    }

    static List<PanelData> demoPanels() {
        return List.of(
                panel("Maxeon 6 AC 440", "Maxeon", 440, "22.8", "329.00", 60, 40, BLACK,
                        sheet("Back-contact cells with a built-in microinverter: each panel delivers grid-ready AC "
                                + "power, so one shaded panel never pulls its neighbours down. The longest warranty "
                                + "in the shop.", 1872, 1032, 40, "21.8", CellType.IBC, 40, "88.3")),
                panel("Neostar 2P 455", "Aiko", 455, "23.0", "189.00", 240, 25, BLACK,
                        sheet("All-back-contact cells leave the front free of busbars: an all-black look and more "
                                + "light on the cell. A good choice for visible roofs with limited space.",
                                1762, 1134, 30, "21.0", CellType.IBC, 30, "88.9")),
                panel("Hi-MO 6 Explorer 425", "LONGi", 425, "21.8", "142.00", 400, 25, BLACK,
                        sheet("Back-contact cells in a compact, light frame made for home roofs; strong value for "
                                + "money and a proven choice for a typical family home.",
                                1722, 1134, 30, "20.8", CellType.IBC, 30, "87.4")),
                panel("DeepBlue 4.0 Pro 440", "JA Solar", 440, "22.0", "139.00", 350, 25, SILVER,
                        sheet("N-type TOPCon cells with low degradation and a good yield in hot summers; the "
                                + "lowest price per watt in the shop.", 1762, 1134, 30, "21.5", CellType.TOPCON, 30,
                                "87.4")),
                panel("Vertex S+ 445", "Trina Solar", 445, "22.3", "149.00", 300, 25, BLACK,
                        sheet("A glass-glass panel with n-type TOPCon cells: resistant to moisture and micro-cracks, "
                                + "sized for residential roofs.", 1762, 1134, 30, "21.0", CellType.TOPCON, 30,
                                "87.4")),
                panel("Tiger Neo 475", "Jinko Solar", 475, "22.3", "155.00", 280, 30, SILVER,
                        sheet("A larger n-type TOPCon panel for roofs with room to spare: fewer panels for the same "
                                + "output, and a low loss of power per year.", 1903, 1134, 30, "22.0",
                                CellType.TOPCON, 30, "87.4")),
                panel("Alpha Pure-RX 470", "REC", 470, "22.6", "259.00", 90, 25, BLACK,
                        sheet("Heterojunction cells that lose little power in the heat, without lead in the "
                                + "solder; backed by one of the strongest output guarantees.", 1730, 1118, 30, "21.5",
                                CellType.HJT, 25, "92.0")),
                panel("Q.TRON BLK M-G2+ 430", "Qcells", 430, "22.0", "199.00", 150, 25, BLACK,
                        sheet("An all-black panel with n-type cells, tested beyond the norm for snow and wind "
                                + "loads; a popular choice for German roofs.", 1722, 1134, 30, "21.1",
                                CellType.TOPCON, 25, "90.0")),
                panel("TOPBiHiKu6 445", "Canadian Solar", 445, "22.8", "146.00", 260, 30, SILVER,
                        sheet("A bifacial glass-glass panel with TOPCon cells: light reflected onto its back adds "
                                + "yield on flat roofs and ground mounts.", 1762, 1134, 30, "24.2", CellType.TOPCON, 30,
                                "87.4")),
                panel("EverVolt H 410", "Panasonic", 410, "21.6", "239.00", 75, 25, BLACK,
                        sheet("Heterojunction cells with one of the best temperature coefficients in the market: "
                                + "steady output on hot, south-facing roofs.", 1722, 1134, 30, "20.5", CellType.HJT,
                                25, "92.0")),
                panel("Vision GM 3.0 350", "Solarwatt", 350, "20.1", "219.00", 40, 30, SILVER,
                        sheet("A glass-glass panel made in Germany with a robust 40 mm frame, built to last three "
                                + "decades and more.", 1740, 1052, 40, "22.5", CellType.MONO_PERC, 30, "87.0")),
                panel("Hyper-ion 590", "Risen", 590, "22.8", "179.00", 120, 30, LARGE,
                        sheet("A large-format heterojunction panel for big roofs, barns and commercial buildings; "
                                + "needs two people and a suitable mounting system.", 2172, 1303, 35, "32.0",
                                CellType.HJT, 30, "90.0")),
                panel("HiKu7 665", "Canadian Solar", 665, "21.4", "199.00", 110, 25, LARGE,
                        sheet("A large-format mono PERC panel for commercial roofs and ground mounts, where fewer "
                                + "panels mean less mounting work.", 2384, 1303, 35, "34.4", CellType.MONO_PERC, 25,
                                "84.8")),
                panel("Vertex N 700", "Trina Solar", 700, "22.5", "219.00", 80, 30, LARGE,
                        sheet("The most powerful panel in the shop: a large-format n-type TOPCon panel for "
                                + "commercial roofs and solar parks.", 2384, 1303, 33, "38.3", CellType.TOPCON, 30,
                                "87.4")));
    }

    private static PanelData panel(String name, String maker, int watts, String efficiency, String price, int stock,
            int warranty, String photo, PanelData.Datasheet sheet) {
        return new PanelData(name, maker, watts, new BigDecimal(efficiency), new BigDecimal(price), stock, warranty,
                List.of(photo), sheet);
    }

    private static PanelData.Datasheet sheet(String description, int lengthMm, int widthMm, int thicknessMm,
            String weightKg, CellType cellType, int performanceWarrantyYears, String performanceWarrantyPercent) {
        return new PanelData.Datasheet(description, lengthMm, widthMm, thicknessMm, new BigDecimal(weightKg),
                cellType, performanceWarrantyYears, new BigDecimal(performanceWarrantyPercent));
    }

    static List<String[]> demoFaq() {
        return List.of(
                new String[] { "How does SunDispatch work?",
                        "Pick panels (or let the sizing quote pick them), choose an installation window and pay. "
                                + "Verified installers near your home get the job as an offer; the first to accept "
                                + "installs it." },
                new String[] { "How are installers verified?",
                        "Every installer applies with company details and a licence number, and an administrator "
                                + "checks them before they receive any job." },
                new String[] { "How is the installation fee calculated?",
                        "A base fee for the visit (scaffolding, inverter, grid registration) plus a fee per panel "
                                + "mounted. The exact amounts are shown in every quote and order." },
                new String[] { "How many panels do I need?",
                        "Use the sizing quote: it takes your monthly consumption and location and shows its "
                                + "assumptions (peak-sun hours, a performance ratio of 0.8)." },
                new String[] { "Can I cancel?",
                        "Yes, until the installer starts work. Reserved panels go back on sale; a paid order is "
                                + "refunded." },
                new String[] { "Is my data safe?",
                        "Passwords are never stored, only salted and peppered hashes; two-factor authentication is "
                                + "available; your address reaches an installer only after they accepted your job." });
    }
}
