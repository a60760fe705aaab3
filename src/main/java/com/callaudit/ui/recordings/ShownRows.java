package com.callaudit.ui.recordings;

import com.callaudit.api.Recording;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javafx.collections.ObservableListBase;

/**
 * The rows the table shows, in the order it shows them. It changes only in whole steps:
 * rows appended at the end, one row inserted, or every row replaced at once. So a new
 * order, a new filter or a page merged into a sorted list costs the FX thread one
 * change event, however many rows there are; a {@code SortedList} would sort on the FX
 * thread and a permutation event costs the table a map of every row.
 *
 * <p>Read-only to everyone but {@link RecordingsModel}, which touches it from the FX
 * thread only.
 */
final class ShownRows extends ObservableListBase<Recording> {

    private static final Recording[] NONE = new Recording[0];

    private Recording[] rows = NONE;
    private int size;
    private boolean changing;

    @Override
    public Recording get(int index) {
        Objects.checkIndex(index, size);
        return rows[index];
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * True while listeners hear of a change. The table empties its selection when every
     * row is replaced and selects the same recording again at once; a listener can
     * ignore that blink.
     */
    boolean isChanging() {
        return changing;
    }

    /** The rows as they are now, for work off the FX thread; a copy. */
    Recording[] snapshot() {
        return Arrays.copyOf(rows, size);
    }

    void append(List<Recording> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        int from = size;
        if (size + fresh.size() > rows.length) {
            rows = Arrays.copyOf(rows, Math.max(size + fresh.size(), size + size / 2));
        }
        for (Recording row : fresh) {
            rows[size++] = row;
        }
        fire(() -> nextAdd(from, size));
    }

    void insert(int index, Recording row) {
        Objects.checkIndex(index, size + 1);
        Recording[] grown = new Recording[size + 1];
        System.arraycopy(rows, 0, grown, 0, index);
        grown[index] = row;
        System.arraycopy(rows, index, grown, index + 1, size - index);
        rows = grown;
        size++;
        fire(() -> nextAdd(index, index + 1));
    }

    /** Shows these rows instead, in this order; the array is taken, not copied. */
    void replaceAll(Recording[] content) {
        List<Recording> removed = Arrays.asList(rows).subList(0, size);
        rows = content;
        size = content.length;
        if (removed.isEmpty() && size == 0) {
            return;
        }
        fire(() -> {
            if (removed.isEmpty()) {
                nextAdd(0, size);
            } else if (size == 0) {
                nextRemove(0, removed);
            } else {
                nextReplace(0, size, removed);
            }
        });
    }

    /**
     * Merges rows already sorted by {@code order} into the shown rows, which are too.
     * On a tie the row shown first stays first, as a stable sort of the rows in the
     * order they arrived would have it.
     */
    void mergeSorted(List<Recording> sortedFresh, Comparator<Recording> order) {
        if (!sortedFresh.isEmpty()) {
            replaceAll(merged(rows, size, sortedFresh, order));
        }
    }

    static Recording[] merged(Recording[] shown, int shownSize, List<Recording> fresh,
            Comparator<Recording> order) {
        Recording[] into = new Recording[shownSize + fresh.size()];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < shownSize && j < fresh.size()) {
            if (order.compare(fresh.get(j), shown[i]) < 0) {
                into[k++] = fresh.get(j++);
            } else {
                into[k++] = shown[i++];
            }
        }
        System.arraycopy(shown, i, into, k, shownSize - i);
        k += shownSize - i;
        while (j < fresh.size()) {
            into[k++] = fresh.get(j++);
        }
        return into;
    }

    private void fire(Runnable describe) {
        changing = true;
        try {
            beginChange();
            describe.run();
            endChange();
        } finally {
            changing = false;
        }
    }
}
