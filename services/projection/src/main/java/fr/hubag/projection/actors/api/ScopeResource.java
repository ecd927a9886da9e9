package fr.hubag.projection.actors.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.hubag.projection.actors.domain.Vocabulary;
import fr.hubag.projection.actors.export.StandardExport;
import fr.hubag.projection.actors.read.ActorLabels;
import fr.hubag.projection.actors.read.AidantList;
import fr.hubag.projection.actors.read.DirectoryPage;
import fr.hubag.projection.actors.read.DirectoryQueries.Status;
import fr.hubag.projection.actors.read.GeoJson;
import fr.hubag.projection.actors.read.LabelledActors;
import fr.hubag.projection.actors.read.PlaceDetail;
import fr.hubag.projection.actors.read.PlaceFilter;
import fr.hubag.projection.actors.read.Stats;
import fr.hubag.projection.shared.Cursor;
import fr.hubag.projection.shared.NextLink;
import fr.hubag.projection.shared.QueryParams;
import fr.hubag.projection.shared.Scope;
import fr.hubag.servicekit.problem.Problem;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The read endpoints of one scope (a territory or the hub). Places, map, labels, statistics and the export are open
 * data: anyone may call them, with or without a token. The aidants endpoint is open too, but shows staff details
 * only to the territory's coordinators and mediators and to hub admins ({@link AidantAccess}).
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "read models", description = "Actors read models (places, labels, aidants), per territory and hub-wide")
@APIResponse(responseCode = "400", description = "Bad parameter; every faulty one is named")
public class ScopeResource {

    static final String GEO_JSON = "application/geo+json";
    private static final String CURSOR = "where to go on: the cursor of the previous page's next link, as given";
    private static final String ON = "day the labels are looked at, YYYY-MM-DD (default: today in the territory; "
            + "hub: in Martinique)";

    private final Scope scope;
    private final ProjectionResource.ReadModels read;

    ScopeResource(Scope scope, ProjectionResource.ReadModels read) {
        this.scope = scope;
        this.read = read;
    }

    @GET
    @Path("/actors")
    @PermitAll
    @Operation(summary = "Search the directory of places", description = "Roles: public (no token needed). Open "
            + "places by default, sorted by name; every filter given must hold. q: every word, as a word prefix, "
            + "in the name, commune, address or summary (accents and case ignored). Paging: follow `next` (a "
            + "`cursor`), whose cost does not grow with the depth; `page` still works but skips rows. `total` "
            + "counts up to 1000 (`totalCapped` says more match).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DirectoryPage.class)))
    public Uni<DirectoryPage> directory(
            @Parameter(description = "free text") @QueryParam("q") String q,
            @Parameter(description = "INSEE code or name of the commune") @QueryParam("commune") String commune,
            @Parameter(description = "a service of the standard") @QueryParam("service") String service,
            @Parameter(description = "a public of the standard") @QueryParam("public") String publicValue,
            @Parameter(description = "a label held on `on`") @QueryParam("label") String label,
            @Parameter(description = ON) @QueryParam("on") String on,
            @Parameter(description = "an access mode or a support mode of the standard")
            @QueryParam("modality") String modality,
            @Parameter(description = "a typology code (EPN, MUNI, ...)") @QueryParam("typology") String typology,
            @Parameter(description = "include closed places", schema = @Schema(type = SchemaType.BOOLEAN,
                    defaultValue = "false")) @QueryParam("includeClosed") String includeClosed,
            @Parameter(description = "page number, from 0", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "0", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "places per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "200", defaultValue = "50")) @QueryParam("size") String size,
            @Parameter(description = CURSOR) @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        QueryParams params = new QueryParams();
        PlaceFilter filter = PlaceParams.filter(params, q, commune, service, publicValue, label, on, modality, typology,
                includeClosed, scope.today());
        int pageNumber = params.integer("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = params.integer("size", size, 50, 1, QueryParams.MAX_SIZE);
        Cursor after = params.cursor("cursor", cursor);
        if (after != null && pageNumber > 0) {
            params.invalid("page", "must not be given with cursor");
        }
        params.check();
        return read.directory.search(scope, filter, after, (long) pageNumber * pageSize, pageSize)
                .map(found -> new DirectoryPage(found.total(), found.totalCapped(), pageNumber, pageSize,
                        found.page().items(), NextLink.of(uri, found.page().next())));
    }

    @GET
    @Path("/actors/{actorId}")
    @PermitAll
    @Operation(summary = "Read one place", description = "Roles: public (no token needed). A place absorbed by a "
            + "merge answers 301 with the surviving place's Location.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PlaceDetail.class)))
    @APIResponse(responseCode = "301", description = "Merged into another actor: Location is the survivor",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such actor in this scope")
    public Uni<Response> place(@PathParam("actorId") @Schema(type = SchemaType.STRING, format = "uuid") String actorId,
                               @Parameter(description = ON) @QueryParam("on") String on, @Context UriInfo uri) {
        QueryParams params = new QueryParams();
        UUID id = params.uuid("actorId", actorId);
        LocalDate day = params.date("on", on, scope.today());
        params.check();
        return present(id, "", uri, found -> read.directory.place(scope, id, day)
                .map(place -> Response.ok(place).build()));
    }

    @GET
    @Path("/places.geojson")
    @Produces(GEO_JSON)
    @PermitAll
    @Operation(summary = "Map of the places (GeoJSON)", description = "Roles: public (no token needed). RFC 7946 "
            + "FeatureCollection of the open places that have coordinates, [longitude, latitude]; the directory's "
            + "filters apply. In name order, up to `size` features a page; `next` (a foreign member) links the next "
            + "page and is absent on the last.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = GEO_JSON,
            schema = @Schema(implementation = GeoJson.FeatureCollection.class)))
    public Uni<Response> map(@QueryParam("q") String q, @QueryParam("commune") String commune,
                             @QueryParam("service") String service, @QueryParam("public") String publicValue,
                             @QueryParam("label") String label,
                             @Parameter(description = ON) @QueryParam("on") String on,
                             @QueryParam("modality") String modality, @QueryParam("typology") String typology,
                             @Parameter(description = "features per page", schema = @Schema(type = SchemaType.INTEGER,
                                     minimum = "1", maximum = "5000", defaultValue = "1000"))
                             @QueryParam("size") String size,
                             @Parameter(description = CURSOR) @QueryParam("cursor") String cursor,
                             @Context UriInfo uri) {
        QueryParams params = new QueryParams();
        PlaceFilter filter = PlaceParams.filter(params, q, commune, service, publicValue, label, on, modality, typology,
                null, scope.today());
        int pageSize = params.integer("size", size, 1000, 1, 5000);
        Cursor after = params.cursor("cursor", cursor);
        params.check();
        return read.map.places(scope, filter, after, pageSize).map(page -> {
            try {
                GeoJson.FeatureCollection features = new GeoJson.FeatureCollection(page.items(),
                        NextLink.of(uri, page.next()));
                return Response.ok(read.json.writeValueAsString(features), GEO_JSON).build();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @GET
    @Path("/labels/{label}/actors")
    @PermitAll
    @Operation(summary = "Places holding a label on a day", description = "Roles: public (no token needed). The "
            + "label as the standard writes it, URL-encoded (Conseillers%20num%C3%A9riques) or APTIC. Open places "
            + "only, each with the grant covering the day, in name order, up to `size` a page; `next` links the "
            + "next page. `total` counts up to 1000 (`totalCapped` says more hold it).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LabelledActors.class)))
    public Uni<LabelledActors> labelled(@PathParam("label") String label,
                                        @Parameter(description = ON) @QueryParam("on") String on,
                                        @Parameter(description = "places per page", schema = @Schema(
                                                type = SchemaType.INTEGER, minimum = "1", maximum = "1000",
                                                defaultValue = "200")) @QueryParam("size") String size,
                                        @Parameter(description = CURSOR) @QueryParam("cursor") String cursor,
                                        @Context UriInfo uri) {
        QueryParams params = new QueryParams();
        String known = params.oneOf("label", label == null || label.isBlank() ? "?" : label, Vocabulary.LABELS);
        LocalDate day = params.date("on", on, scope.today());
        int pageSize = params.integer("size", size, 200, 1, 1000);
        Cursor after = params.cursor("cursor", cursor);
        params.check();
        return read.labels.holders(scope, known, day, after, pageSize)
                .map(found -> new LabelledActors(known, day, found.total(), found.totalCapped(),
                        found.page().items(), NextLink.of(uri, found.page().next())));
    }

    @GET
    @Path("/actors/{actorId}/labels")
    @PermitAll
    @Operation(summary = "Labels a place holds on a day", description = "Roles: public (no token needed). An "
            + "absorbed actor answers 301 to the survivor's labels.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ActorLabels.class)))
    @APIResponse(responseCode = "301", description = "Merged into another actor: Location is the survivor's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such actor in this scope")
    public Uni<Response> labelsOf(@PathParam("actorId") @Schema(type = SchemaType.STRING, format = "uuid")
                                  String actorId, @Parameter(description = ON) @QueryParam("on") String on,
                                  @Context UriInfo uri) {
        QueryParams params = new QueryParams();
        UUID id = params.uuid("actorId", actorId);
        LocalDate day = params.date("on", on, scope.today());
        params.check();
        return present(id, "/labels", uri, found -> read.labels.of(scope, id, day)
                .map(labels -> Response.ok(labels).build()));
    }

    @GET
    @Path("/actors/{actorId}/aidants")
    @PermitAll
    @Operation(summary = "The aidants of a place", description = "Roles: public, reduced view (name, role, number "
            + "of trainings); full view (enrolment, departure, trainings) for a coordinator or mediator whose token "
            + "covers the place's territory, and for hub-admin. An absorbed actor answers 301 to the survivor's.")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AidantList.class)))
    @APIResponse(responseCode = "301", description = "Merged into another actor: Location is the survivor's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "A token was sent but is not valid")
    @APIResponse(responseCode = "404", description = "No such actor in this scope")
    public Uni<Response> aidants(@PathParam("actorId") @Schema(type = SchemaType.STRING, format = "uuid")
                                 String actorId,
                                 @Parameter(description = "include aidants who have left", schema = @Schema(
                                         type = SchemaType.BOOLEAN, defaultValue = "false"))
                                 @QueryParam("includeDeparted") String includeDeparted, @Context UriInfo uri) {
        QueryParams params = new QueryParams();
        UUID id = params.uuid("actorId", actorId);
        boolean departed = params.bool("includeDeparted", includeDeparted, false);
        params.check();
        return present(id, "/aidants", uri, found -> read.identity.getDeferredIdentity()
                .flatMap(identity -> read.aidants.of(scope, id, departed, scope.today(),
                        AidantAccess.fullView(identity, found.territory())))
                .map(list -> Response.ok(list).build()));
    }

    @GET
    @Path("/stats")
    @PermitAll
    @Operation(summary = "Figures of the scope", description = "Roles: public (no token needed). Places open and "
            + "closed (now), by typology; open places labelled on `on`, by label; aidants active on `on` and "
            + "those with a training.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Stats.class)))
    public Uni<Stats> stats(@Parameter(description = ON) @QueryParam("on") String on) {
        QueryParams params = new QueryParams();
        LocalDate day = params.date("on", on, scope.today());
        params.check();
        return read.stats.of(scope, day);
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @PermitAll
    @Blocking // the rows are written as they come from the database: a worker thread waits for them
    @Operation(summary = "Export the places as the national standard v1.0.2", description = "Roles: public (no "
            + "token needed). The open places, the standard's 32 columns in its order (schema.json of "
            + "LaMednum/standard-mediation-num v1.0.2), multi-values joined with |; dispositif_programmes_nationaux "
            + "adds the standard programmes held as labels today (never APTIC). `format` chooses the body: CSV, RFC "
            + "4180, header, every value quoted, CRLF, UTF-8; or JSON, an array of objects, absent values left "
            + "out, latitude and longitude as numbers. Streamed, as an attachment.")
    @APIResponse(responseCode = "200", description = "The places", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = Object.class))})
    public Response export(@Parameter(description = "csv (default) or json", schema = @Schema(
            enumeration = {"csv", "json"}, defaultValue = "csv")) @QueryParam("format") String format,
                           @Context HttpServerRequest request) {
        QueryParams params = new QueryParams();
        boolean json = "json".equals(params.oneOf("format", format, List.of("csv", "json")));
        params.check();
        LocalDate today = scope.today();
        String file = "lieux-mediation-numerique-" + scope.name() + "-" + today + (json ? ".json" : ".csv");
        StandardExport.Format as = json ? StandardExport.Format.JSON : StandardExport.Format.CSV;
        return Response.ok(read.export.of(scope, as, today, () -> request.response().closed()),
                        json ? "application/json; charset=UTF-8" : "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .build();
    }

    /** Runs {@code then} for an actor present in this scope; 404 if unknown, 301 to the survivor if merged. */
    private Uni<Response> present(UUID id, String suffix, UriInfo uri,
                                  Function<Status.Present, Uni<Response>> then) {
        return read.directory.status(scope, id).flatMap(status -> switch (status) {
            case Status.Present found -> then.apply(found);
            case Status.Merged merged -> Uni.createFrom().item(moved(merged, suffix, uri));
            case Status.Unknown unknown -> Uni.createFrom().item(Problem.of(Response.Status.NOT_FOUND, "not-found",
                    "no actor " + id + " in " + scope.name()).at(uri.getPath(), null).toResponse());
        });
    }

    private Response moved(Status.Merged merged, String suffix, UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        URI location = URI.create(scope.basePath() + "/actors/" + merged.survivorId() + suffix
                + (query == null ? "" : "?" + query));
        Problem problem = Problem.of(301, "Moved Permanently", "actor-merged", "actor " + merged.actorId()
                + " was merged into actor " + merged.survivorId()).at(uri.getPath(), null);
        return Response.fromResponse(problem.toResponse()).location(location).build();
    }
}
