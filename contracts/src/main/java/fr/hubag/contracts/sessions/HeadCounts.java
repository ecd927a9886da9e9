package fr.hubag.contracts.sessions;

import fr.hubag.domain.Coded;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The people of an activity counted without a name (the national mediators' tool's *participants anonymes*): how
 * many, how many had been accompanied before, and the same total by gender, age band and social status. Each
 * breakdown names every code of its vocabulary and adds up to {@code total} ({@code non_communique} holds those not
 * said), so that statistics add counts without guessing. Breakdowns are keyed by the vocabularies' codes, as
 * published.
 */
public record HeadCounts(int total, int alreadyAccompanied, Map<String, Integer> genders,
                         Map<String, Integer> ageBands, Map<String, Integer> socialStatuses) {

    /** Nobody counted without a name (a scheduled session names all its participants). */
    public static final HeadCounts NONE = complete(0, 0, Map.of(), Map.of(), Map.of());

    public HeadCounts {
        genders = every(Gender.class, genders);
        ageBands = every(AgeBand.class, ageBands);
        socialStatuses = every(SocialStatus.class, socialStatuses);
    }

    /**
     * Counts as a mediator knows them: the breakdowns may be partial, the people not placed in one are counted
     * {@code non_communique} there. The caller has checked that no breakdown exceeds the total.
     */
    public static HeadCounts complete(int total, int alreadyAccompanied, Map<Gender, Integer> genders,
                                      Map<AgeBand, Integer> ageBands, Map<SocialStatus, Integer> socialStatuses) {
        return new HeadCounts(total, alreadyAccompanied, filled(total, genders, Gender.NON_COMMUNIQUE),
                filled(total, ageBands, AgeBand.NON_COMMUNIQUE), filled(total, socialStatuses,
                        SocialStatus.NON_COMMUNIQUE));
    }

    public int of(Gender gender) { return genders.get(gender.code()); }

    public int of(AgeBand band) { return ageBands.get(band.code()); }

    public int of(SocialStatus status) { return socialStatuses.get(status.code()); }

    private static <T extends Enum<T> & Coded> Map<String, Integer> filled(int total, Map<T, Integer> counts,
                                                                          T notSaid) {
        Map<String, Integer> byCode = new LinkedHashMap<>();
        counts.forEach((value, count) -> byCode.put(value.code(), count));
        int placed = counts.entrySet().stream().filter(e -> e.getKey() != notSaid).mapToInt(Map.Entry::getValue)
                .sum();
        byCode.put(notSaid.code(), Math.max(0, total - placed));
        return byCode;
    }

    /** Every code of the vocabulary, in its order, 0 when absent; a key outside it is refused. */
    private static <T extends Enum<T> & Coded> Map<String, Integer> every(Class<T> type, Map<String, Integer> counts) {
        Map<String, Integer> given = counts == null ? Map.of() : counts;
        given.keySet().forEach(code -> Coded.parse(type, code).orElseThrow(() -> new IllegalArgumentException(
                "'" + code + "' is not a code of " + type.getSimpleName())));
        Map<String, Integer> all = new LinkedHashMap<>();
        Arrays.stream(type.getEnumConstants()).forEach(v -> all.put(v.code(), given.getOrDefault(v.code(), 0)));
        return Collections.unmodifiableMap(all);
    }
}
