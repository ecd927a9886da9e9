package fr.hubag.vouchers.domain;

import fr.hubag.contracts.vouchers.StatementLine;
import fr.hubag.contracts.vouchers.VoucherEvent.StatementIssued;
import fr.hubag.contracts.vouchers.VoucherEvent.StatementPaid;
import fr.hubag.domain.CommandRejected.Kind;
import fr.hubag.domain.Territory;
import fr.hubag.testing.DeciderSpec;
import fr.hubag.vouchers.domain.StatementCommand.Issue;
import fr.hubag.vouchers.domain.StatementCommand.MarkPaid;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An actor's monthly statement given / when / then: issued once with the sum of its lines in cents, never empty nor
 * with a line of another month, paid once (the same reference again changes nothing, another is a conflict).
 */
class StatementDeciderTest {

    static final UUID ACTOR = UUID.fromString("3f6c2a1e-8b4d-4c7a-9e15-2d0b7a4c9f61");
    static final YearMonth JANUARY = YearMonth.of(2027, 1);
    static final UUID STATEMENT = StatementDecider.statementId(ACTOR, JANUARY);
    static final UUID ORDER = UUID.fromString("5b0e3f8a-2c4d-4e1f-9a7b-6c8d0e2f4a11");
    static final Instant END_OF_JANUARY_CAYENNE = Instant.parse("2027-02-01T03:00:00Z");
    static final Instant PAID_AT = Instant.parse("2027-02-10T14:00:00Z");

    private final DeciderSpec<StatementCommand, fr.hubag.contracts.vouchers.VoucherEvent.StatementEvent,
            StatementState> spec = DeciderSpec.of(new StatementDecider());

    static StatementLine line(String day, long cents) {
        return new StatementLine(UUID.nameUUIDFromBytes(day.getBytes()), ORDER, LocalDate.parse(day), cents);
    }

    static final List<StatementLine> LINES = List.of(line("2027-01-01", 1000), line("2027-01-31", 1234));

    static Issue issue(List<StatementLine> lines) {
        return new Issue(STATEMENT, ACTOR, Territory.GF, JANUARY, lines, END_OF_JANUARY_CAYENNE);
    }

    static StatementIssued issued() {
        return new StatementIssued(STATEMENT, ACTOR, Territory.GF, JANUARY, LINES, 2, 2234, END_OF_JANUARY_CAYENNE);
    }

    static StatementPaid paid(String reference) {
        return new StatementPaid(STATEMENT, ACTOR, Territory.GF, JANUARY, reference, "hub-admin-1", PAID_AT);
    }

    @Test
    void aMonthWithRedemptionsIsIssuedWithTheSumOfItsLinesInCents() {
        StatementState state = spec.given().when(issue(LINES)).then(issued());
        assertThat(state).isInstanceOfSatisfying(StatementState.Issued.class, s -> {
            assertThat(s.totalCents()).isEqualTo(2234);
            assertThat(s.paid()).isFalse();
        });
    }

    @Test
    void aMonthIssuedAgainRecordsNothing() {
        spec.given(issued()).when(issue(List.of(line("2027-01-15", 500)))).then();
    }

    @Test
    void noStatementWithoutARedemptionNorWithALineOfAnotherMonth() {
        spec.given().when(issue(List.of())).thenRejected(Kind.UNPROCESSABLE, "statement-empty");
        spec.given().when(issue(List.of(line("2027-01-31", 1000), line("2027-02-01", 1000))))
                .thenRejected(Kind.UNPROCESSABLE, "line-outside-month");
    }

    @Test
    void aStatementIsKeyedByItsActorAndMonth() {
        assertThat(StatementDecider.statementId(ACTOR, JANUARY)).isEqualTo(STATEMENT)
                .isNotEqualTo(StatementDecider.statementId(ACTOR, JANUARY.plusMonths(1)));
        spec.given().when(new Issue(UUID.randomUUID(), ACTOR, Territory.GF, JANUARY, LINES, END_OF_JANUARY_CAYENNE))
                .thenRejected(Kind.UNPROCESSABLE, "statement-id-mismatch");
    }

    @Test
    void aStatementIsPaidOnceWithItsReference() {
        MarkPaid pay = new MarkPaid(STATEMENT, "VIR-2027-0007", "hub-admin-1", PAID_AT);
        StatementState state = spec.given(issued()).when(pay).then(paid("VIR-2027-0007"));
        assertThat(((StatementState.Issued) state).paymentReference()).isEqualTo("VIR-2027-0007");
        spec.given(issued(), paid("VIR-2027-0007")).when(pay).then();
        spec.given(issued(), paid("VIR-2027-0007"))
                .when(new MarkPaid(STATEMENT, "VIR-2027-0008", "hub-admin-1", PAID_AT))
                .thenRejected(Kind.CONFLICT, "statement-already-paid");
    }

    @Test
    void aStatementNeverIssuedCannotBePaid() {
        spec.given().when(new MarkPaid(STATEMENT, "VIR-1", "hub-admin-1", PAID_AT))
                .thenRejected(Kind.NOT_FOUND, "statement-not-found");
    }

    @Test
    void euroAmountsComeFromCentsWithADecimalComma() {
        assertThat(Euros.french(0)).isEqualTo("0,00");
        assertThat(Euros.french(5)).isEqualTo("0,05");
        assertThat(Euros.french(2234)).isEqualTo("22,34");
        assertThat(Euros.french(100_000_000_07L)).isEqualTo("100000000,07");
        assertThat(Euros.french(-1050)).isEqualTo("-10,50");
    }
}
