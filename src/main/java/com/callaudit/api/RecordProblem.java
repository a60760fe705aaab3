package com.callaudit.api;

/**
 * A record of a list page that could not be read; the rest of the page still was.
 *
 * @param index its position in the page, from 0
 * @param sid its recording SID if one could be read, else an empty string
 * @param reason what was wrong, in plain words
 */
public record RecordProblem(int index, String sid, String reason) {
}
