package dev.pipes.wamp.client;

import java.util.List;
import java.util.Map;

/** One received event: its payload, the topic (also for pattern subscriptions) and details. */
public record EventData(String topic, long publication, List<Object> args, Map<String, Object> kwargs,
                        Map<String, Object> details) {

    /** The publisher's session id when the publisher disclosed itself, else null. */
    public Long publisher() {
        return details.get("publisher") instanceof Long l ? l : null;
    }

    public Object arg(int index) {
        return index < args.size() ? args.get(index) : null;
    }
}
