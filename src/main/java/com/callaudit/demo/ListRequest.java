package com.callaudit.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paging and filter parameters of a list request, validated the way SignalWire
 * does: {@code PageSize} 1..1000 (default 50), and a {@code PageToken} for any page
 * after the first. Filters keep their original text so paging URIs can echo them.
 */
record ListRequest(int page, int pageSize, String pageToken, DateFilter dates,
        String callSid, String conferenceSid, List<Map.Entry<String, String>> filters) {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 1000;

    private static final List<String> FILTER_KEYS = List.of(
            "CallSid", "ConferenceSid", "DateCreated", "DateCreated<", "DateCreated>");

    /** Reads a decoded query; keys other than the paging ones and filters are ignored. */
    static ListRequest parse(Map<String, String> query) throws ApiError {
        int pageSize = pageSize(query.get("PageSize"));
        int page = page(query.get("Page"));
        String token = blankToNull(query.get("PageToken"));
        if (page > 0 && token == null) {
            throw new ApiError(400, 54453, "Page " + page + " needs the PageToken"
                    + " from the previous page's next_page_uri");
        }

        DateFilter dates = DateFilter.NONE;
        List<Map.Entry<String, String>> filters = new ArrayList<>();
        for (String key : FILTER_KEYS) {
            String value = query.get(key);
            if (value == null) {
                continue;
            }
            filters.add(Map.entry(key, value));
            if (key.startsWith("DateCreated")) {
                Optional<DateFilter> narrowed = dates.with(key, value);
                if (narrowed.isEmpty()) {
                    throw new ApiError(400, 10000, key + " '" + value + "' is not a date;"
                            + " use YYYY-MM-DD");
                }
                dates = narrowed.get();
            }
        }
        return new ListRequest(page, pageSize, token, dates,
                blankToNull(query.get("CallSid")), blankToNull(query.get("ConferenceSid")),
                List.copyOf(filters));
    }

    /** The same request scoped to one call or conference, as the nested routes are. */
    ListRequest scopedTo(String call, String conference) {
        return new ListRequest(page, pageSize, pageToken, dates,
                call != null ? call : callSid,
                conference != null ? conference : conferenceSid, filters);
    }

    private static int pageSize(String text) throws ApiError {
        if (text == null) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(text.strip());
            if (size >= 1 && size <= MAX_PAGE_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below like any other bad size
        }
        throw new ApiError(400, 54454, "PageSize '" + text + "' is invalid;"
                + " it must be a whole number from 1 to " + MAX_PAGE_SIZE);
    }

    private static int page(String text) throws ApiError {
        if (text == null) {
            return 0;
        }
        try {
            int page = Integer.parseInt(text.strip());
            if (page >= 0) {
                return page;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiError(400, 10000, "Page '" + text + "' is invalid;"
                + " pages are numbered from 0");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
