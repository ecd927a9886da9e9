package fr.hubag.projection.shared.rebuild;

/**
 * One generation of a read model: where its tables are and under which consumer name its events are marked applied
 * (marks and checkpoints are per consumer name, so two generations never share them). Generation 0 is the base
 * schemas themselves (mq); generation n lives in {@code mq_actors_gn}. Names come from code, never from input.
 */
public record Generation(String readModel, int number, String consumer) {

    /** The schema holding this generation's copy of a base schema's tables. */
    public String schema(String base) {
        return number == 0 ? base : base + "_" + readModel + "_g" + number;
    }
}
