package fr.hubag.vouchers.api;

import fr.hubag.contracts.vouchers.StatementLine;
import fr.hubag.vouchers.domain.Euros;
import fr.hubag.vouchers.domain.StatementState;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A statement as a CSV file that a French accountant opens by double-click in a spreadsheet: RFC 4180 records (CRLF,
 * fields quoted when they hold the separator, a quote or a line break) separated by {@code ;}, amounts in euros with
 * a decimal comma ({@code 10,00}), dates ISO (2026-01-31), UTF-8 with a byte-order mark (without it Excel reads UTF-8
 * as Windows-1252). One line per pass, then a TOTAL line with the same columns.
 */
public final class StatementCsv {

    static final String HEADER = "releve;acteur;territoire;mois;pass;commande;date_utilisation;montant_eur";

    private StatementCsv() {}

    public static byte[] of(StatementState.Issued s) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        String prefix = String.join(";", s.statementId().toString(), s.actorId().toString(), s.territory().name(),
                s.month().toString());
        for (StatementLine line : s.lines()) {
            csv.append(prefix).append(';').append(record(List.of(line.passId().toString(), line.orderId().toString(),
                    line.redeemedOn().toString(), Euros.french(line.faceValueCents())))).append("\r\n");
        }
        csv.append(prefix).append(';').append(record(List.of("TOTAL", "", "", Euros.french(s.totalCents()))))
                .append("\r\n");
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String record(List<String> fields) {
        return String.join(";", fields.stream().map(StatementCsv::field).toList());
    }

    private static String field(String value) {
        return value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
