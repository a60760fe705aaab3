/**
 * The demo space: an in-process stand-in for a SignalWire space's recordings API on
 * 127.0.0.1, which the "try it" mode, the demo command and every test start.
 *
 * <p>{@link com.callaudit.demo.DemoSpace} answers like a real space: the paging
 * envelope, SignalWire's error bodies, Basic auth with a Voice-scoped token, public or
 * protected media, WAV and MP3. Its {@link com.callaudit.demo.RequestLog} keeps every
 * request, headers included, so tests can prove what a client sent.
 *
 * <h2>Fault mode</h2>
 *
 * <p>{@link com.callaudit.demo.DemoSpace#faults()} returns the space's
 * {@link com.callaudit.demo.FaultPlan}, empty at start. Tests fill it to make the space
 * hostile; faults apply from the next request until {@code clear()}:
 *
 * <ul>
 *   <li>{@code delay(Duration[, Route])}: answers late;
 *   <li>{@code status(code, Body[, Route, times])}: 3xx–5xx with SignalWire's JSON, an
 *       HTML page or no body, answered before auth is checked, as by a proxy;
 *   <li>{@code retryAfter(value, times)}: 429 with {@code Retry-After};
 *   <li>{@code cutBodyAfter(bytes, Route)}: announces the whole body, sends part of it,
 *       drops the connection (JSON and media);
 *   <li>{@code truncateJson()}, {@code invalidJson()}: JSON cut in half or made invalid;
 *   <li>{@code driftTypes()}, {@code addUnknownKeys()}, {@code corruptRecord(index)}:
 *       strings and numbers swapped and nulls where values were, keys no schema knows,
 *       one unreadable record per page;
 *   <li>{@code nextPageUri(REPEAT | OTHER_HOST | NO_PREFIX)},
 *       {@code emptyPagesWithNext()}: paging links that loop, leave the host or lose the
 *       API prefix, and empty pages that still link on;
 *   <li>{@code redirectMediaTo(origin)}, {@code ignoreRange()}, {@code mediaNotAudio()},
 *       {@code serveMulaw()}, {@code serveExtensible()}: media moved to another server,
 *       Range ignored, an HTML page labelled as audio, and the WAV encodings JavaFX
 *       refuses.
 * </ul>
 *
 * <p>See {@code docs/demo-space.md} for examples.
 */
package com.callaudit.demo;
