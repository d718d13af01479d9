package com.sundispatch.billing.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerCsvTest {

    @Test
    void plainCellsStayAsTheyAre() {
        assertThat(LedgerCsv.cell("PAYOUT_DUE")).isEqualTo("PAYOUT_DUE");
        assertThat(LedgerCsv.cell("1190.00")).isEqualTo("1190.00");
        assertThat(LedgerCsv.cell(null)).isEmpty();
        assertThat(LedgerCsv.cell("")).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedTheRfc4180Way() {
        assertThat(LedgerCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(LedgerCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(LedgerCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void cellsASpreadsheetWouldRunAsAFormulaAreDefused() {
        assertThat(LedgerCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(LedgerCsv.cell("+1")).isEqualTo("'+1");
        assertThat(LedgerCsv.cell("-1")).isEqualTo("'-1");
        assertThat(LedgerCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(LedgerCsv.cell("\tx")).isEqualTo("'\tx");
        assertThat(LedgerCsv.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(LedgerCsv.cell("=HYPERLINK(\"u\",\"t\")")).isEqualTo("\"'=HYPERLINK(\"\"u\"\",\"\"t\"\")\"");
        // Only the first character counts: a dash inside a value is harmless.
        assertThat(LedgerCsv.cell("SEPA-1")).isEqualTo("SEPA-1");
    }
}
