package com.callaudit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.callaudit.demo.DemoSpace;
import com.callaudit.fuzz.Mutator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The list-page parser against random and mutated pages, in a bounded run: it returns
 * a page whose links (the one it offers early too) are safe, or throws
 * SignalWireException; nothing else escapes. It reads the bytes as the client does; a
 * JSON tree of the same bytes says whether it should have read a page, and what each
 * readable record's raw JSON must be.
 */
class PageReaderFuzzTest {

    private static final int CASES = 20_000;
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final SpaceAddress SPACE = SpaceAddress.loopback(8443);
    private static final List<String> LINKS = List.of("", " ", "null", "//evil.example/x",
            "http://[::1", "%zz", "/api/laml/2010-04-01/Accounts/" + DemoSpace.PROJECT_ID
                    + "/Recordings?Page=1&PageToken=PA1", "mailto:someone", "\u0000",
            "http://127.0.0.1:8443/2010-04-01/Accounts/" + DemoSpace.PROJECT_ID + "/R?a",
            "file:///etc/passwd", "?Page=2", "#frag", "/..//../", "http:", "x".repeat(5000));

    private static final List<byte[]> samples = new ArrayList<>();

    @BeforeAll
    static void collectRealPages() throws Exception {
        List<Consumer<DemoSpace>> shapes = List.of(space -> { },
                space -> space.faults().driftTypes(),
                space -> space.faults().addUnknownKeys().corruptRecord(1));
        try (DemoSpace demo = DemoSpace.start(new DemoSpace.Config()
                .syntheticRecordings(10))) {
            for (Consumer<DemoSpace> shape : shapes) {
                demo.faults().clear();
                shape.accept(demo);
                samples.add(page(demo, "?PageSize=4"));
            }
        }
        try (DemoSpace legacy = DemoSpace.start(new DemoSpace.Config().legacyJson(true))) {
            samples.add(page(legacy, "?PageSize=3"));
        }
    }

    @Test
    void randomAndMutatedPagesYieldAPageOrTheExpectedError() {
        long seed = Mutator.seed("list page", 0x5EEDL);
        Random random = new Random(seed);
        Mutator mutator = new Mutator(random);
        Outcomes outcomes = new Outcomes();

        assertTimeoutPreemptively(BOUND, () -> {
            for (int i = 0; i < CASES; i++) {
                byte[] sample = samples.get(random.nextInt(samples.size()));
                byte[] input = switch (i % 4) {
                    case 0 -> mutator.randomBytes(200);
                    case 1 -> mutator.mutate(sample);
                    default -> mutateTree(sample, random);
                };
                outcomes.add(readLikeTheClient(input, seed, i));
            }
        });

        assertThat(outcomes.pages).as("cases read as pages").isGreaterThan(CASES / 4);
        assertThat(outcomes.refused).as("cases refused").isPositive();
        assertThat(outcomes.unparsable).as("cases that are not JSON").isPositive();
    }

    /**
     * PAGE, REFUSED or NOT_JSON; anything else fails the test with the case. The reader
     * gets the bytes as the client does; a JSON tree of the same bytes says what it
     * should have made of them.
     */
    private static String readLikeTheClient(byte[] input, long seed, int index) {
        JsonNode root;
        try {
            root = JSON.readTree(input);
        } catch (IOException notJson) {
            root = null;
        }
        boolean isObject = root != null && root.isObject();
        checkTheHeadScan(input, seed, index);
        List<URI> early = new ArrayList<>();
        try {
            RecordingPage page = new PageReader(RecordingQuery.all(), SPACE,
                    DemoSpace.PROJECT_ID, new HashSet<>()).read(input, early::add);
            assertThat(isObject).as("read as a page, but not a JSON object").isTrue();
            checkInvariants(page, root, early);
            return "PAGE";
        } catch (SignalWireException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            assertThat(isObject && root.path("recordings").isArray())
                    .as("refused a page with a list of recordings").isFalse();
            return isObject ? "REFUSED" : "NOT_JSON";
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("case " + index + " of seed " + seed + " escaped with "
                    + e + "; input: " + new String(input, StandardCharsets.UTF_8), e);
        }
    }

    // What the page stream asks of a page still arriving: for any prefix, a safe link,
    // none, or "see more"; never an exception, which would sink the fetch.
    private static void checkTheHeadScan(byte[] input, long seed, int index) {
        PageReader reader = new PageReader(RecordingQuery.all(), SPACE, DemoSpace.PROJECT_ID,
                new HashSet<>());
        for (int length : new int[] {input.length / 3, input.length / 2, input.length}) {
            try {
                URI next = reader.nextLinkInHead(input, length);
                if (next != null && next != PageReader.SEE_MORE) {
                    assertThat(SPACE.isSameOrigin(next)).isTrue();
                }
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("case " + index + " of seed " + seed + ", first "
                        + length + " bytes: the head scan escaped with " + e + "; input: "
                        + new String(input, StandardCharsets.UTF_8), e);
            }
        }
    }

    private static void checkInvariants(RecordingPage page, JsonNode root, List<URI> early) {
        JsonNode items = root.get("recordings");
        assertThat(page.recordings().size() + page.problems().size())
                .isEqualTo(items.size());
        if (page.hasNext()) {
            assertThat(SPACE.isSameOrigin(page.nextUri())).isTrue();
        }
        assertThat(early).hasSizeLessThanOrEqualTo(1)
                .allSatisfy(uri -> assertThat(SPACE.isSameOrigin(uri)).isTrue());
        Set<Integer> unreadable = new HashSet<>();
        page.problems().forEach(problem -> unreadable.add(problem.index()));
        Iterator<Recording> readable = page.recordings().iterator();
        for (int i = 0; i < items.size(); i++) {
            if (unreadable.contains(i)) {
                continue;
            }
            Recording recording = readable.next();
            assertThat(recording.sid()).isNotBlank().isEqualTo(items.get(i).get("sid")
                    .asText());
            assertThat(recording.channels()).isBetween(0, 2);
            assertThat(recording.raw()).isEqualTo(items.get(i));
        }
    }

    private static byte[] mutateTree(byte[] sample, Random random) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(sample);
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            if (random.nextInt(5) == 0) {
                root.put("next_page_uri", LINKS.get(random.nextInt(LINKS.size())));
                continue;
            }
            List<JsonNode> containers = new ArrayList<>();
            collectContainers(root, containers);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            replaceOneChild(target, random);
        }
        return JSON.writeValueAsBytes(root);
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode() && node.size() > 0) {
            into.add(node);
            node.forEach(child -> collectContainers(child, into));
        }
    }

    private static void replaceOneChild(JsonNode container, Random random) {
        JsonNode value = randomValue(random);
        if (container instanceof ArrayNode array) {
            int at = random.nextInt(array.size());
            if (value == null) {
                array.remove(at);
            } else {
                array.set(at, value);
            }
            return;
        }
        ObjectNode object = (ObjectNode) container;
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        String name = names.get(random.nextInt(names.size()));
        if (value == null) {
            object.remove(name);
        } else {
            object.set(name, value);
        }
    }

    /** A value of a random type, or null to mean "remove it". */
    private static JsonNode randomValue(Random random) {
        return switch (random.nextInt(16)) {
            case 0 -> null;
            case 1 -> NODES.nullNode();
            case 2 -> NODES.textNode("");
            case 3 -> NODES.textNode("1e999999999");
            case 4 -> NODES.textNode("-99999999999999999999");
            case 5 -> NODES.numberNode(random.nextLong());
            case 6 -> NODES.numberNode(Double.MAX_VALUE);
            case 7 -> NODES.numberNode(new java.math.BigDecimal("1E+999999"));
            case 8 -> NODES.booleanNode(random.nextBoolean());
            case 9 -> NODES.arrayNode().add(1).add("x");
            case 10 -> NODES.objectNode().put("sid", "nested");
            case 11 -> NODES.textNode("Tue, 31 Feb 2026 25:61:61 +9999");
            case 12 -> NODES.textNode("\u0000\uFFFF");
            case 13 -> NODES.numberNode(-0.0);
            case 14 -> NODES.textNode(LINKS.get(random.nextInt(LINKS.size())));
            default -> NODES.textNode(Long.toString(random.nextInt(3)));
        };
    }

    private static byte[] page(DemoSpace demo, String query) throws Exception {
        String pair = demo.projectId() + ":" + demo.token();
        HttpRequest request = HttpRequest.newBuilder(URI.create(demo.origin()
                + RecordingsClient.API_PREFIX + "/Accounts/" + demo.projectId()
                + "/Recordings.json" + query))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(pair.getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(20)).build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static final class Outcomes {
        int pages;
        int refused;
        int unparsable;

        void add(String outcome) {
            switch (outcome) {
                case "PAGE" -> pages++;
                case "REFUSED" -> refused++;
                default -> unparsable++;
            }
        }
    }
}
