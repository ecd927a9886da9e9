package fr.hubag.vouchers.api;

import fr.hubag.testing.HubTestResource;
import fr.hubag.vouchers.domain.ActorFacts;
import fr.hubag.vouchers.infra.Census;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The census kept from actors.events: a redelivered grant counts once, a revocation ends the period the day before,
 * a later registration moves the actor, a merge makes the absorbed actor read as its survivor with its labels, a
 * closure holds until the actor reopens.
 */
@QuarkusTest
@QuarkusTestResource(value = HubTestResource.class, initArgs = @ResourceArg(name = "database", value = "vouchers"))
class CensusConsumerTest {

    @Inject
    Census census;

    @Test
    void aRedeliveredGrantCountsOnceAndARevocationEndsItTheDayBefore() {
        UUID actor = UUID.randomUUID();
        UUID grant = UUID.randomUUID();
        CensusFeed.registered(actor, "GF", "97302");
        CensusFeed.aptic(grant, actor, "GF", LocalDate.of(2026, 1, 1), null);
        CensusFeed.aptic(grant, actor, "GF", LocalDate.of(2026, 1, 1), null);
        CensusFeed.revoked(actor, "GF", LocalDate.of(2026, 6, 1));
        CensusFeed.registered(actor, "GF", "97304");

        ActorFacts facts = CensusFeed.awaitFacts(census, actor, f -> "97304".equals(f.communeInseeCode()));
        assertThat(facts.territory()).hasToString("GF");
        assertThat(facts.aptic()).containsExactly(new ActorFacts.LabelPeriod(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 5, 31)));
        assertThat(facts.heldApticOn(LocalDate.of(2026, 5, 31))).isTrue();
        assertThat(facts.heldApticOn(LocalDate.of(2026, 6, 1))).isFalse();
        assertThat(census.facts(UUID.randomUUID()).await().indefinitely().known()).isFalse();
    }

    @Test
    void anAbsorbedActorReadsAsItsSurvivorWithTheLabelsItBrought() {
        UUID survivor = UUID.randomUUID();
        UUID absorbed = UUID.randomUUID();
        CensusFeed.registered(survivor, "MQ", "97209");
        CensusFeed.registered(absorbed, "MQ", "97213");
        CensusFeed.merged(survivor, absorbed, "MQ", LocalDate.of(2026, 3, 1));

        ActorFacts facts = CensusFeed.awaitFacts(census, absorbed, f -> survivor.equals(f.actorId())
                && !f.aptic().isEmpty());
        assertThat(facts.communeInseeCode()).isEqualTo("97209");
        assertThat(facts.heldApticOn(LocalDate.of(2026, 3, 1))).isTrue();
        assertThat(facts.heldApticOn(LocalDate.of(2026, 2, 28))).isFalse();
    }

    @Test
    void aClosureIsKeptUntilTheActorReopens() {
        UUID actor = UUID.randomUUID();
        CensusFeed.registered(actor, "GF", "97302");
        CensusFeed.closed(actor, "GF", LocalDate.of(2026, 10, 1));

        ActorFacts closed = CensusFeed.awaitFacts(census, actor, f -> f.closedOn() != null);
        assertThat(closed.isClosedOn(LocalDate.of(2026, 9, 30))).isFalse();
        assertThat(closed.isClosedOn(LocalDate.of(2026, 10, 1))).isTrue();

        CensusFeed.reopened(actor, "GF", LocalDate.of(2026, 11, 2));
        ActorFacts reopened = CensusFeed.awaitFacts(census, actor, f -> f.closedOn() == null);
        assertThat(reopened.isClosedOn(LocalDate.of(2026, 11, 27))).isFalse();
    }
}
