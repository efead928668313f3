/** WAMP v2: messages, codecs, router, client and transports on Netty. */
package dev.pipes.wamp;
