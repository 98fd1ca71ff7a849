package io.wirewatch.alert.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.knowledge.World;

/**
 * What {@code GET /actors.json} serves the dashboard: every state, bloc and body of the knowledge {@link World} by code,
 * {@code {"SY": {"name": "Syria", "type": "STATE"}, "GCC": {"name": "Gulf Cooperation Council", "type": "BLOC",
 * "members": ["BH", ...]}}}, so the page names the codes alerts carry from the same list the rules use.
 */
final class WorldJson {

    private WorldJson() {}

    static String actors(World world) {
        ObjectNode root = AlertJson.mapper().createObjectNode();
        for (World.Actor actor : world.all()) {
            ObjectNode node = root.putObject(actor.code());
            node.put("name", actor.name());
            node.put("type", actor.type().name());
            if (!actor.members().isEmpty()) {
                actor.members().forEach(node.putArray("members")::add);
            }
        }
        return AlertJson.write(root);
    }
}
