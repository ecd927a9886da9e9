package fr.hubag.projection.actors.read;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * RFC 7946 GeoJSON for the places map: a FeatureCollection of Points, coordinates [longitude, latitude] (WGS84),
 * properties small enough for a map pop-up. Loaded as is by Leaflet, OpenLayers, QGIS or uMap.
 */
public final class GeoJson {

    private GeoJson() {}

    /** {@code next}, a foreign member (RFC 7946 section 6.1), links the next page; absent on the last one. */
    @Schema(name = "FeatureCollection")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FeatureCollection(@Schema(enumeration = "FeatureCollection") String type,
                                    List<Feature> features,
                                    @Schema(description = "path and query of the next page; absent on the last")
                                    String next) {
        public FeatureCollection(List<Feature> features, String next) {
            this("FeatureCollection", features, next);
        }
    }

    @Schema(name = "Feature")
    public record Feature(@Schema(enumeration = "Feature") String type, String id, Point geometry,
                          Properties properties) {
        public Feature(String id, Point geometry, Properties properties) {
            this("Feature", id, geometry, properties);
        }
    }

    @Schema(name = "Point")
    public record Point(@Schema(enumeration = "Point") String type,
                        @Schema(description = "[longitude, latitude]", minItems = 2, maxItems = 2)
                        List<Double> coordinates) {
        public Point(double longitude, double latitude) {
            this("Point", List.of(longitude, latitude));
        }
    }

    @Schema(name = "PlaceProperties")
    public record Properties(UUID actorId, String name, @Schema(description = "name of the commune") String commune,
                             List<String> typologies, List<String> services,
                             @Schema(description = "labels held on the day asked") List<String> labels) {}
}
