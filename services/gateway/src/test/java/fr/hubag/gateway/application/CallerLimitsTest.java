package fr.hubag.gateway.application;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests per second and uploads in flight, per caller, on a clock the test moves. */
class CallerLimitsTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final CallerLimits limits = new CallerLimits(now::get);

    @Test
    void aCallerHasItsRequestsASecondAndOthersTheirOwn() {
        for (int i = 0; i < 3; i++) {
            assertThat(limits.admit("subject:a", 3)).isTrue();
        }
        assertThat(limits.admit("subject:a", 3)).isFalse();
        assertThat(limits.admit("subject:b", 3)).isTrue();
        now.addAndGet(1_000);
        assertThat(limits.admit("subject:a", 3)).as("a new second").isTrue();
    }

    @Test
    void uploadsInFlightAreCountedUntilEachEnds() {
        assertThat(limits.startUpload("subject:a", 2)).isTrue();
        assertThat(limits.startUpload("subject:a", 2)).isTrue();
        assertThat(limits.startUpload("subject:a", 2)).isFalse();
        assertThat(limits.startUpload("subject:b", 2)).isTrue();
        limits.endUpload("subject:a");
        assertThat(limits.startUpload("subject:a", 2)).isTrue();
        assertThat(limits.startUpload("subject:a", 2)).isFalse();
    }

    @Test
    void callersNotSeenForASecondAreForgottenOnceThereAreMany() {
        for (int i = 0; i <= CallerLimits.SWEEP_ABOVE; i++) {
            limits.admit("address:" + i, 1);
        }
        now.addAndGet(2_000);
        limits.admit("address:new", 1);
        assertThat(limits.remembered()).isEqualTo(1);
    }
}
