package dev.pipes.wamp.transport.netty;

import io.netty.channel.Channel;

/**
 * Turns a channel's reading off and on from any thread; the last request wins. The switch itself is
 * always flipped on the channel's event loop: with the epoll transport, turning reading off from
 * another thread can race with a read in progress and leave the channel reading.
 */
final class ReadSwitch {
    private final Channel channel;
    private volatile boolean wanted = true;

    ReadSwitch(Channel channel) {
        this.channel = channel;
    }

    void set(boolean reading) {
        wanted = reading;
        if (channel.eventLoop().inEventLoop()) {
            apply();
        } else {
            channel.eventLoop().execute(this::apply);
        }
    }

    /** Applies the latest request, so that requests overtaken on their way to the loop do not count. */
    private void apply() {
        boolean reading = wanted;
        if (channel.config().isAutoRead() != reading) channel.config().setAutoRead(reading);
    }
}
