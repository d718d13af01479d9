package com.sundispatch.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's imprint and privacy notice ({@code sundispatch.legal.*}, environment {@code SUNDISPATCH_LEGAL_*}).
 * Unset fields fall back to an obviously made-up example operator (the prod profile warns at start-up while the
 * company or address is still the example); an unset privacy notice falls back to the shipped one, which describes
 * what this software stores. In {@code address}, a literal {@code \n} (as an environment file writes it) is a line
 * break.
 */
@ConfigurationProperties("sundispatch.legal")
public record LegalProperties(String company, String address, String email, String phone, String register,
        String vatId, String representative, Privacy privacy) {

    public static final String EXAMPLE_COMPANY = "SunDispatch Demo GmbH";
    public static final String EXAMPLE_ADDRESS = "Musterstraße 1\n10115 Berlin\nGermany";

    public LegalProperties {
        company = or(company, EXAMPLE_COMPANY);
        address = or(address, EXAMPLE_ADDRESS).replace("\\n", "\n");
        email = or(email, "legal@sundispatch.example");
        phone = or(phone, "+49 30 0000000");
        register = or(register, "Amtsgericht Berlin-Charlottenburg, HRB 000000 (example)");
        vatId = or(vatId, "DE000000000");
        representative = or(representative, "Erika Mustermann (Managing Director)");
        privacy = privacy == null ? new Privacy(null, null) : privacy;
    }

    /** Still the made-up operator: a real deployment must say who runs it. */
    public boolean example() {
        return company.equals(EXAMPLE_COMPANY) || address.equals(EXAMPLE_ADDRESS);
    }

    /** The privacy notice per language; null: the shipped notice in that language. */
    public record Privacy(String en, String de) {

        public Privacy {
            en = en == null || en.isBlank() ? null : en.replace("\\n", "\n");
            de = de == null || de.isBlank() ? null : de.replace("\\n", "\n");
        }
    }

    private static String or(String value, String example) {
        return value == null || value.isBlank() ? example : value.strip();
    }
}
