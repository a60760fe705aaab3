package com.callaudit.ui.recordings;

import com.callaudit.api.Cancellation;
import com.callaudit.api.PageStream;
import com.callaudit.api.Recording;
import com.callaudit.api.RecordingPage;
import com.callaudit.api.RecordingQuery;
import com.callaudit.api.RecordingsClient;
import com.callaudit.app.BackgroundWork;
import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recordings list: what is loaded, how far paging has gone, and the commands to load
 * more, load everything, filter on the server, narrow the loaded rows, and open one
 * recording by SID or URL.
 *
 * <p>The space never says how many recordings it holds, so the count says how many are
 * loaded and whether more are available; a list cut short by a paging problem says so.
 * Touch it from the FX thread only; requests run on background threads and each page is
 * appended in one update.
 *
 * <p>The rows shown follow an order and the quick filter. A new order or filter is worked
 * out on a background thread from a copy of the loaded rows and shown in one step; pages
 * that arrive meanwhile are merged in then. Each later request supersedes the one before.
 */
public final class RecordingsModel {

    /** Recordings per page while browsing: large enough to scroll, small enough to show fast. */
    public static final int BROWSE_PAGE_SIZE = 200;

    private static final Logger LOG = LoggerFactory.getLogger(RecordingsModel.class);

    private final ObservableList<Recording> rows = FXCollections.observableArrayList();
    private final ObservableList<Recording> readOnlyRows =
            FXCollections.unmodifiableObservableList(rows);
    private final ShownRows visibleRows = new ShownRows();
    // Pages are cursors, so a record can come twice only when the space repeats itself
    // across a page boundary; checking against the page before catches that without
    // an index over every loaded row (100,000 rows would pay for it in memory).
    private Set<String> previousPageSids = Set.of();
    private final ReadOnlyObjectWrapper<RecordingQuery> query =
            new ReadOnlyObjectWrapper<>(firstQuery());
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loadingAll = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper moreAvailable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper quickFilterScope = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Recording> opened = new ReadOnlyObjectWrapper<>();
    private final StringProperty quickFilter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper arranging = new ReadOnlyStringWrapper("");

    // What the rows shown follow, and what was asked for last; they differ while an
    // arrangement is worked out. A null order is the space's; a null filter keeps all.
    private Comparator<Recording> shownOrder;
    private Predicate<Recording> shownFilter;
    private Comparator<Recording> order;
    private Predicate<Recording> filter;
    private Arrange inArrangement;
    private final List<Recording> arrivedWhileArranging = new ArrayList<>();
    private Runnable whenArranged;

    private final BackgroundWork work;
    private RecordingsClient client;
    private RecordingPage lastPage;
    private Cancellation inFlight = new Cancellation();
    private int generation;
    private int unreadable;

    public RecordingsModel(BackgroundWork work, RecordingsClient client) {
        this(work);
        connect(client);
    }

    /**
     * A model that lists nothing until {@link #connect} names its space, so that the
     * window around it can be built before sign-in.
     */
    public RecordingsModel(BackgroundWork work) {
        this.work = work;
        quickFilter.addListener((obs, was, text) -> applyQuickFilter());
    }

    /** Lists the recordings of this space; call once, before anything is loaded. */
    public void connect(RecordingsClient space) {
        if (client != null) {
            throw new IllegalStateException("already lists " + client.space());
        }
        client = space;
    }

    // The space's client; sign-in connects it before anything is asked of the space.
    private RecordingsClient client() {
        if (client == null) {
            throw new IllegalStateException("not connected to a space yet");
        }
        return client;
    }

    /** Every loaded recording, newest first as the space sent them. */
    public ObservableList<Recording> rows() {
        return readOnlyRows;
    }

    /** The loaded recordings that pass the quick filter, in the order asked for. */
    public ObservableList<Recording> visibleRows() {
        return visibleRows;
    }

    /**
     * "Sorting…" or "Filtering…" while a new order or quick filter is worked out off the
     * FX thread; empty once the rows shown follow what was asked for last.
     */
    public ReadOnlyStringProperty arrangingProperty() {
        return arranging.getReadOnlyProperty();
    }

    /**
     * Shows the rows in this order, ties in the order the space sent them; null for the
     * space's own order. The rows change once the order is worked out, off the FX thread;
     * a later call supersedes this one.
     */
    public void sortBy(Comparator<Recording> newOrder) {
        if (newOrder == order && inArrangement == null) {
            return;
        }
        order = newOrder;
        arrange("Sorting…");
    }

    // The view's cue that a change of the shown rows is one it may ignore the
    // selection's blink during; see ShownRows.isChanging.
    boolean rowsChanging() {
        return visibleRows.isChanging();
    }

    public ReadOnlyObjectProperty<RecordingQuery> queryProperty() {
        return query.getReadOnlyProperty();
    }

    /** True while any page is being fetched. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True while "Load all" runs. */
    public ReadOnlyBooleanProperty loadingAllProperty() {
        return loadingAll.getReadOnlyProperty();
    }

    /** True when the space has more pages that CallAudit will fetch. */
    public ReadOnlyBooleanProperty moreAvailableProperty() {
        return moreAvailable.getReadOnlyProperty();
    }

    /** "1,250 loaded, more available" or "all 5,000 loaded". */
    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Something the user should know about the list: unreadable rows, paging cut short. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The last error, in plain words; empty after a success. */
    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    /** Says when the quick filter searched only the loaded part of the list. */
    public ReadOnlyStringProperty quickFilterScopeProperty() {
        return quickFilterScope.getReadOnlyProperty();
    }

    /** The recording last opened by SID or URL, for the view to select. */
    public ReadOnlyObjectProperty<Recording> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    /** Text that narrows the loaded rows by SID, call or conference SID, status, source. */
    public StringProperty quickFilterProperty() {
        return quickFilter;
    }

    /** Starts the list again from its first page, with the current filters. */
    public void refresh() {
        restart(query.get());
    }

    /** The query a new model lists with, for asking for its first page ahead of it. */
    public static RecordingQuery firstQuery() {
        return RecordingQuery.all().withPageSize(BROWSE_PAGE_SIZE);
    }

    /**
     * As {@link #refresh()} on a new model, with the page of {@link #firstQuery()}
     * already asked for elsewhere (sign-in asks for it alongside its check).
     */
    public void refresh(Future<RecordingPage> firstPage) {
        RecordingPage inHand = pageIfArrived(firstPage);
        if (inHand != null) {
            // In the list at once, so the window's first frame already shows it.
            begin(query.get());
            lastError.set("");
            append(inHand);
            finished(generation);
            return;
        }
        RecordingQuery first = query.get();
        Cancellation cancellation = begin(first);
        fetch(new OnePage(generation, () -> awaitFirstPage(firstPage, first, cancellation)));
    }

    // Waits for the page asked for at sign-in, giving the pool thread back soon after a
    // cancel; if that request failed, this one asks again, so its own error is the one
    // shown. Shortcoming: a cancel does not stop that early request itself, which runs on
    // until it ends or times out.
    private RecordingPage awaitFirstPage(Future<RecordingPage> firstPage,
            RecordingQuery first, Cancellation cancellation) throws Exception {
        while (!cancellation.isCancelled()) {
            try {
                return firstPage.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillComing) {
                // look at the cancellation again
            } catch (ExecutionException | CancellationException failed) {
                return client().list(first, cancellation);
            }
        }
        throw new CancellationException("the first page is no longer wanted");
    }

    /** Filters on the server: the list starts again from the first matching page. */
    public void applyQuery(RecordingQuery newQuery) {
        restart(newQuery.withPageSize(BROWSE_PAGE_SIZE));
    }

    /** Fetches the next page, unless one is already on its way or there is none. */
    public void loadMore() {
        if (loading.get() || lastPage == null || !lastPage.hasNext()) {
            return;
        }
        RecordingPage previous = lastPage;
        Cancellation cancellation = inFlight;
        fetch(new OnePage(generation, () -> client().next(previous, cancellation)));
    }

    /** Fetches every remaining page, one after another, until the end or a cancel. */
    public void loadAll() {
        if (loadingAll.get() || lastPage == null || !lastPage.hasNext()) {
            return;
        }
        if (loading.get()) {
            inFlight.cancel();
            inFlight = new Cancellation();
        }
        loadingAll.set(true);
        fetch(new AllPages(generation, lastPage, inFlight));
    }

    /** Stops whatever is loading; what arrived stays, and the count says more is there. */
    public void cancelLoading() {
        inFlight.cancel();
        inFlight = new Cancellation();
        generation++;
        loading.set(false);
        loadingAll.set(false);
        updateCount();
    }

    /**
     * Lands on one recording, pasted as a SID or a recording URL: selects it when it is
     * loaded, else fetches it and adds it to the list.
     */
    public void open(String sidOrUrl) {
        String sid = RecordingReference.sidIn(sidOrUrl).orElse(null);
        if (sid == null) {
            lastError.set("\"" + sidOrUrl.strip() + "\" is neither a recording SID nor a "
                    + "recording URL.");
            return;
        }
        for (Recording row : rows) {
            if (row.sid().equalsIgnoreCase(sid)) {
                lastError.set("");
                quickFilter.set("");
                afterArranging(() -> land(row));
                return;
            }
        }
        work.start(new OpenOne(sid));
    }

    private void restart(RecordingQuery newQuery) {
        restart(newQuery, null);
    }

    private static RecordingPage pageIfArrived(Future<RecordingPage> page) {
        if (!page.isDone() || page.isCancelled()) {
            return null;
        }
        try {
            return page.get();
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void restart(RecordingQuery newQuery, PageFetch firstPage) {
        Cancellation cancellation = begin(newQuery);
        fetch(new OnePage(generation, firstPage != null ? firstPage
                : () -> client().list(newQuery, cancellation)));
    }

    private Cancellation begin(RecordingQuery newQuery) {
        inFlight.cancel();
        inFlight = new Cancellation();
        generation++;
        query.set(newQuery);
        rows.clear();
        clearShownRows();
        previousPageSids = Set.of();
        unreadable = 0;
        lastPage = null;
        notice.set("");
        loadingAll.set(false);
        return inFlight;
    }

    private void fetch(Task<?> task) {
        loading.set(true);
        lastError.set("");
        updateCount();
        work.start(task);
    }

    // Runs on the FX thread, once per page, so the table sees one change per page.
    private void append(RecordingPage page) {
        Set<String> before = previousPageSids;
        List<Recording> fresh = page.recordings().stream()
                .filter(recording -> !before.contains(recording.sid()))
                .toList();
        previousPageSids = page.recordings().stream().map(Recording::sid)
                .collect(Collectors.toUnmodifiableSet());
        rows.addAll(fresh);
        show(fresh);
        lastPage = page;
        unreadable += page.problems().size();
        page.problems().forEach(problem -> LOG.warn("{}", problem.reason()));
        updateNotice(page);
        moreAvailable.set(page.hasNext());
        updateCount();
        applyQuickFilterScope();
    }

    private void updateNotice(RecordingPage page) {
        StringBuilder text = new StringBuilder();
        if (unreadable > 0) {
            text.append(unreadable == 1 ? "1 record" : unreadable + " records")
                    .append(" of the list could not be read and ")
                    .append(unreadable == 1 ? "is" : "are").append(" not shown.");
        }
        page.pagingProblem().ifPresent(problem -> text.append(text.isEmpty() ? "" : " ")
                .append(problem));
        notice.set(text.toString());
    }

    private void updateCount() {
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.getDefault());
        String loaded = numbers.format(rows.size());
        if (lastPage == null && loading.get()) {
            count.set("Loading recordings…");
        } else if (lastPage != null && lastPage.hasNext()) {
            count.set(loaded + " loaded, more available");
        } else if (lastPage != null && lastPage.pagingProblem().isPresent()) {
            count.set(loaded + " loaded, list may be incomplete");
        } else if (lastPage == null) {
            count.set(loaded + " loaded");
        } else if (rows.size() == 1) {
            count.set("the only recording loaded");
        } else {
            count.set("all " + loaded + " loaded");
        }
        if (query.get().isFiltered()) {
            count.set(count.get() + " (filtered on the space)");
        }
    }

    private void applyQuickFilter() {
        String text = quickFilter.get() == null ? "" : quickFilter.get().strip()
                .toLowerCase(Locale.ROOT);
        filter = text.isEmpty() ? null : row -> matches(row, text);
        arrange("Filtering…");
    }

    // Works out the rows to show from a copy of the loaded ones, off the FX thread.
    private void arrange(String what) {
        if (inArrangement != null) {
            inArrangement.cancel();
        }
        arrivedWhileArranging.clear();
        inArrangement = new Arrange(rows.toArray(new Recording[0]), order, filter);
        arranging.set(what);
        work.startComputing(inArrangement);
    }

    private void arranged(Arrange done, Recording[] rowsInOrder) {
        inArrangement = null;
        shownOrder = done.order;
        shownFilter = done.filter;
        List<Recording> late = kept(arrivedWhileArranging);
        arrivedWhileArranging.clear();
        visibleRows.replaceAll(late.isEmpty() ? rowsInOrder : shownOrder == null
                ? appended(rowsInOrder, late)
                : ShownRows.merged(rowsInOrder, rowsInOrder.length, late, shownOrder));
        applyQuickFilterScope();
        arranging.set("");
        Runnable then = whenArranged;
        whenArranged = null;
        if (then != null) {
            then.run();
        }
    }

    private void arrangementFailed(Arrange failed, Throwable error) {
        if (failed != inArrangement) {
            return;
        }
        LOG.warn("Arranging the rows failed; they stay as they were: {}", error.toString());
        inArrangement = null;
        arrivedWhileArranging.clear();
        order = shownOrder;
        filter = shownFilter;
        arranging.set("");
        // What waited for the arrangement (an open by SID) still happens, on the rows shown.
        Runnable then = whenArranged;
        whenArranged = null;
        if (then != null) {
            then.run();
        }
    }

    private void afterArranging(Runnable action) {
        if (inArrangement == null) {
            action.run();
        } else {
            whenArranged = action;
        }
    }

    // Rows new to the list: merged into what is shown, and kept for the arrangement
    // under way, which started from a copy without them.
    private void show(List<Recording> fresh) {
        if (inArrangement != null) {
            arrivedWhileArranging.addAll(fresh);
        }
        List<Recording> kept = kept(fresh);
        if (shownOrder == null) {
            visibleRows.append(kept);
        } else {
            visibleRows.mergeSorted(kept, shownOrder);
        }
    }

    // Passing the shown filter, in the shown order.
    private List<Recording> kept(List<Recording> fresh) {
        List<Recording> kept = new ArrayList<>(fresh.size());
        for (Recording row : fresh) {
            if (shownFilter == null || shownFilter.test(row)) {
                kept.add(row);
            }
        }
        if (shownOrder != null) {
            kept.sort(shownOrder);
        }
        return kept;
    }

    private void clearShownRows() {
        if (inArrangement != null) {
            inArrangement.cancel();
            inArrangement = null;
            arrivedWhileArranging.clear();
            whenArranged = null;
        }
        shownOrder = order;
        shownFilter = filter;
        visibleRows.replaceAll(new Recording[0]);
        arranging.set("");
    }

    private static Recording[] appended(Recording[] rows, List<Recording> late) {
        Recording[] all = Arrays.copyOf(rows, rows.length + late.size());
        for (int i = 0; i < late.size(); i++) {
            all[rows.length + i] = late.get(i);
        }
        return all;
    }

    private void land(Recording row) {
        opened.set(null);
        opened.set(row);
    }

    private void applyQuickFilterScope() {
        boolean filtering = quickFilter.get() != null && !quickFilter.get().isBlank();
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.getDefault());
        if (!filtering) {
            quickFilterScope.set("");
        } else if (moreAvailable.get()) {
            quickFilterScope.set(numbers.format(visibleRows.size()) + " of the "
                    + numbers.format(rows.size()) + " loaded match; only loaded "
                    + "recordings were searched, more are on the space");
        } else {
            quickFilterScope.set(numbers.format(visibleRows.size()) + " of "
                    + numbers.format(rows.size()) + " match");
        }
    }

    private static boolean matches(Recording row, String text) {
        return contains(row.sid(), text)
                || row.callSid().map(sid -> contains(sid, text)).orElse(false)
                || row.conferenceSid().map(sid -> contains(sid, text)).orElse(false)
                || contains(row.status(), text)
                || contains(row.source(), text);
    }

    private static boolean contains(String value, String lowerCaseText) {
        return value.toLowerCase(Locale.ROOT).contains(lowerCaseText);
    }

    private void insertInDateOrder(Recording recording) {
        OffsetDateTime created = recording.dateCreated().orElse(null);
        int index = rows.size();
        if (created != null) {
            for (int i = 0; i < rows.size(); i++) {
                OffsetDateTime other = rows.get(i).dateCreated().orElse(null);
                if (other != null && other.isBefore(created)) {
                    index = i;
                    break;
                }
            }
        }
        rows.add(index, recording);
        showInserted(index, recording);
        updateCount();
    }

    // Shown rows are the loaded ones when neither an order nor a filter applies, so the
    // row goes to the same place; otherwise to its place in the order shown. An
    // arrangement under way started from a copy without the row, so it starts again.
    private void showInserted(int index, Recording recording) {
        if (inArrangement != null) {
            arrange(arranging.get());
        } else if (shownFilter != null) {
            arrange("Filtering…");
        } else if (shownOrder == null) {
            visibleRows.insert(index, recording);
        } else {
            int at = Arrays.binarySearch(visibleRows.snapshot(), recording, shownOrder);
            visibleRows.insert(at < 0 ? -at - 1 : at, recording);
        }
    }

    private void failed(int taskGeneration, Throwable error) {
        if (taskGeneration != generation) {
            return;
        }
        loading.set(false);
        loadingAll.set(false);
        lastError.set(error.getMessage());
        updateCount();
    }

    private void finished(int taskGeneration) {
        if (taskGeneration == generation) {
            loading.set(false);
            loadingAll.set(false);
            updateCount();
        }
    }

    /** Fetches one page off the FX thread; the page is ignored if the list restarted. */
    private final class OnePage extends Task<RecordingPage> {
        private final int taskGeneration;
        private final PageFetch fetch;

        OnePage(int taskGeneration, PageFetch fetch) {
            this.taskGeneration = taskGeneration;
            this.fetch = fetch;
        }

        @Override
        protected RecordingPage call() throws Exception {
            return fetch.fetch();
        }

        @Override
        protected void succeeded() {
            if (taskGeneration == generation) {
                append(getValue());
                finished(taskGeneration);
            }
        }

        @Override
        protected void failed() {
            RecordingsModel.this.failed(taskGeneration, getException());
        }
    }

    @FunctionalInterface
    private interface PageFetch {
        RecordingPage fetch() throws Exception;
    }

    // Fetches page after page on its thread and hands each to the FX thread, waiting
    // until the table has taken it, so a fast space cannot flood the FX thread.
    private final class AllPages extends Task<Void> {
        private final int taskGeneration;
        private final RecordingPage start;
        private final Cancellation cancellation;

        AllPages(int taskGeneration, RecordingPage start, Cancellation cancellation) {
            this.taskGeneration = taskGeneration;
            this.start = start;
            this.cancellation = cancellation;
        }

        // The stream fetches the next page while this one is handed over.
        @Override
        protected Void call() throws Exception {
            try (PageStream pages = client().pagesAfter(start, cancellation)) {
                while (pages.hasNext() && !cancellation.isCancelled()) {
                    handOver(pages.next());
                }
            }
            return null;
        }

        private void handOver(RecordingPage page) throws InterruptedException {
            CountDownLatch taken = new CountDownLatch(1);
            Platform.runLater(() -> {
                if (taskGeneration == generation) {
                    append(page);
                }
                taken.countDown();
            });
            if (!taken.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the window stopped taking pages");
            }
        }

        @Override
        protected void succeeded() {
            finished(taskGeneration);
        }

        @Override
        protected void failed() {
            RecordingsModel.this.failed(taskGeneration, getException());
        }
    }

    private final class OpenOne extends Task<Recording> {
        private final String sid;

        OpenOne(String sid) {
            this.sid = sid;
        }

        @Override
        protected Recording call() throws Exception {
            return client().fetch(sid);
        }

        @Override
        protected void succeeded() {
            Recording recording = getValue();
            if (rows.stream().noneMatch(row -> row.sid().equals(recording.sid()))) {
                insertInDateOrder(recording);
            }
            quickFilter.set("");
            lastError.set("");
            Recording loaded = rows.stream().filter(row -> row.sid().equals(recording.sid()))
                    .findFirst().orElse(recording);
            afterArranging(() -> land(loaded));
        }

        @Override
        protected void failed() {
            lastError.set(getException().getMessage());
        }
    }

    /**
     * Filters and sorts a copy of the loaded rows off the FX thread. A sort is stable, so
     * ties keep the order the space sent; a superseded one stops at its next check.
     */
    private final class Arrange extends Task<Recording[]> {
        private final Recording[] loaded;
        private final Comparator<Recording> order;
        private final Predicate<Recording> filter;

        Arrange(Recording[] loaded, Comparator<Recording> order, Predicate<Recording> filter) {
            this.loaded = loaded;
            this.order = order;
            this.filter = filter;
        }

        @Override
        protected Recording[] call() {
            Recording[] kept = filter == null ? loaded
                    : Arrays.stream(loaded).filter(filter).toArray(Recording[]::new);
            if (order != null) {
                int[] compared = {0};
                Arrays.sort(kept, (a, b) -> {
                    if ((++compared[0] & 0xFFF) == 0 && isCancelled()) {
                        throw new CancellationException("superseded");
                    }
                    return order.compare(a, b);
                });
            }
            return kept;
        }

        @Override
        protected void succeeded() {
            if (this == inArrangement) {
                arranged(this, getValue());
            }
        }

        @Override
        protected void failed() {
            arrangementFailed(this, getException());
        }
    }
}
