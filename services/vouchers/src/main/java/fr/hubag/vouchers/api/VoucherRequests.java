package fr.hubag.vouchers.api;

import fr.hubag.contracts.sessions.AgeBand;
import fr.hubag.contracts.vouchers.Perimeter;
import fr.hubag.domain.Coded;
import fr.hubag.domain.Territory;
import fr.hubag.servicekit.problem.Violations;
import fr.hubag.vouchers.application.OrderCommands.OrderRequest;
import fr.hubag.vouchers.application.PassCommands.Beneficiary;
import fr.hubag.vouchers.domain.PassCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The vouchers' request bodies and how each is read: every field checked in one pass, a 400 naming every faulty field
 * (the rules of orders and passes are the deciders' 409s and 422s). Amounts are integer cents.
 */
public final class VoucherRequests {

    private VoucherRequests() {}

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}";
    private static final String ORGANISATION = "[A-Za-z0-9._:@-]{1,128}";
    private static final String CODE_FORMAT = "XXXX-XXXX-XXXX-XXX: 15 characters of " + PassCode.ALPHABET
            + ", case, spaces and dashes ignored";

    public record PerimeterRequest(
            @Schema(required = true, enumeration = {"GP", "GF", "MQ", "MF"}, description = "one or more; the first "
                    + "is the order's territory") List<String> territories,
            @Schema(description = "INSEE codes of communes of those territories; none: everywhere in them")
            List<String> communes) {}

    public record OrderBody(
            @Schema(description = "the funder (a partner token's subject); a partner orders for itself, a hub admin "
                    + "names it") String funderId,
            @Schema(required = true) PerimeterRequest perimeter,
            @Schema(required = true, minimum = "1", maximum = "1000") Integer booklets,
            @Schema(minimum = "1", maximum = "100", description = "10 by default") Integer passesPerBooklet,
            @Schema(minimum = "1", maximum = "100000", description = "cents; 1000 (10 €) by default")
            Integer faceValueCents,
            @Schema(format = "date", description = "default: 31 December of the order's year; passes are accepted "
                    + "a month longer") String validUntil,
            @Schema(description = "the programme the order funds") String programmeId,
            @Schema(description = "organisations (partner tokens' subjects) that may hand the passes out")
            List<String> distributors) {}

    public record ActivationBody(
            @Schema(required = true, description = "the payment mandate's reference") String mandateReference) {}

    public record DistributionBody(
            @Schema(description = "a pass's code (" + CODE_FORMAT + "); or orderId and booklet") String code,
            @Schema(format = "uuid", description = "with booklet: every pass of the booklet") String orderId,
            @Schema(minimum = "1", maximum = "1000") Integer booklet,
            @Schema(required = true, format = "uuid", description = "the beneficiary's pseudonymous id")
            String beneficiaryId,
            @Schema(enumeration = {"moins_de_douze", "douze_dix_huit", "dix_huit_vingt_quatre", "vingt_cinq_trente_neuf",
                    "quarante_cinquante_neuf", "soixante_soixante_neuf", "soixante_dix_plus", "non_communique"},
                    description = "tranche d'âge of the national mediators' tool") String ageBand,
            @Schema(pattern = "^[0-9]{5}$", description = "the beneficiary's commune of residence")
            String communeInseeCode) {}

    public record RedemptionBody(
            @Schema(required = true, description = CODE_FORMAT) String code,
            @Schema(required = true, format = "uuid", description = "the census actor redeeming (the mediator's)")
            String actorId,
            @Schema(format = "uuid", description = "the session the pass pays for, if any") String sessionId) {}

    static OrderRequest order(OrderBody body, UUID orderId, String callerFunder, Instant now) {
        Violations v = start(body);
        String funder = body.funderId() == null ? callerFunder
                : v.matches("funderId", body.funderId(), ORGANISATION, "an organisation id").orElse(null);
        Perimeter perimeter = perimeter(v, body.perimeter());
        int booklets = count(v, "booklets", body.booklets(), null, 1, 1000);
        int passes = count(v, "passesPerBooklet", body.passesPerBooklet(), 10, 1, 100);
        int face = count(v, "faceValueCents", body.faceValueCents(), 1000, 1, 100_000);
        LocalDate validUntil = v.date("validUntil", body.validUntil(), false).orElse(null);
        String programme = body.programmeId() == null ? null : v.text("programmeId", body.programmeId(), 120)
                .orElse(null);
        List<String> distributors = new ArrayList<>();
        List<String> named = body.distributors() == null ? List.of() : body.distributors();
        if (named.size() > 100) {
            v.add("distributors", "at most 100");
        }
        for (int i = 0; i < named.size() && i < 100; i++) {
            v.matches("distributors[" + i + "]", named.get(i), ORGANISATION, "an organisation id")
                    .filter(d -> !distributors.contains(d)).ifPresent(distributors::add);
        }
        if (funder == null && v.ok()) {
            v.add("funderId", "is required when a hub admin orders");
        }
        v.throwIfAny();
        return new OrderRequest(orderId, funder, perimeter, booklets, passes, face, validUntil, programme,
                distributors, now);
    }

    static String mandate(ActivationBody body) {
        Violations v = start(body);
        Optional<String> reference = v.text("mandateReference", body.mandateReference(), 120);
        v.throwIfAny();
        return reference.orElseThrow();
    }

    static PassCode.Reading code(Violations v, String typed) {
        PassCode.Reading reading = PassCode.read(typed);
        if (reading instanceof PassCode.Malformed malformed) {
            v.add("code", malformed.why());
        }
        return reading;
    }

    static Beneficiary beneficiary(Violations v, DistributionBody body) {
        Optional<UUID> id = uuid(v, "beneficiaryId", body.beneficiaryId(), true);
        AgeBand band = body.ageBand() == null ? null : v.oneOf("ageBand", body.ageBand(),
                c -> Coded.parse(AgeBand.class, c), Coded.codes(AgeBand.class)).orElse(null);
        String commune = body.communeInseeCode() == null ? null : v.matches("communeInseeCode",
                body.communeInseeCode(), "\\d{5}", "an INSEE commune code of five digits").orElse(null);
        return id.map(b -> new Beneficiary(b, band, commune)).orElse(null);
    }

    static Optional<UUID> uuid(Violations v, String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                v.add(field, "is required");
            }
            return Optional.empty();
        }
        return v.matches(field, value, UUID_PATTERN, "a UUID").map(UUID::fromString);
    }

    static Violations start(Object body) {
        Violations v = new Violations();
        if (body == null) {
            v.add("body", "is required");
            v.throwIfAny();
        }
        return v;
    }

    private static Perimeter perimeter(Violations v, PerimeterRequest perimeter) {
        if (perimeter == null || perimeter.territories() == null || perimeter.territories().isEmpty()) {
            v.add("perimeter.territories", "must name at least one territory");
            return new Perimeter(List.of(), List.of());
        }
        List<Territory> territories = new ArrayList<>();
        for (int i = 0; i < perimeter.territories().size() && i < 4; i++) {
            v.oneOf("perimeter.territories[" + i + "]", perimeter.territories().get(i), Territory::parse,
                    new Object[]{"GP", "GF", "MQ", "MF"}).ifPresent(territories::add);
        }
        if (perimeter.territories().size() > 4) {
            v.add("perimeter.territories", "names at most the four territories");
        }
        List<String> communes = new ArrayList<>();
        List<String> listed = perimeter.communes() == null ? List.of() : perimeter.communes();
        if (listed.size() > 200) {
            v.add("perimeter.communes", "at most 200 communes");
        }
        for (int i = 0; i < listed.size() && i < 200; i++) {
            v.matches("perimeter.communes[" + i + "]", listed.get(i), "\\d{5}", "an INSEE commune code of five "
                    + "digits").filter(c -> !communes.contains(c)).ifPresent(communes::add);
        }
        return new Perimeter(territories, communes);
    }

    private static int count(Violations v, String field, Integer value, Integer fallback, int min, int max) {
        if (value == null) {
            if (fallback == null) {
                v.add(field, "is required");
                return 0;
            }
            return fallback;
        }
        if (value < min || value > max) {
            v.add(field, "must be from " + min + " to " + max);
        }
        return value;
    }
}
