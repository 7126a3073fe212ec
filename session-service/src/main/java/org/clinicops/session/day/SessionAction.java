package org.clinicops.session.day;

import org.springframework.http.HttpStatus;

/** The session-day actions, {@code POST /api/sessions/{sessionId}/<path>}, and what each answers on success. */
public enum SessionAction {
    CHECK_IN("check-in", Body.REQUIRED, HttpStatus.OK),
    VITALS("vitals", Body.REQUIRED, HttpStatus.CREATED),
    EFFECTS("effects", Body.REQUIRED, HttpStatus.CREATED),
    DOSE_ORDER("dose-order", Body.REQUIRED, HttpStatus.CREATED),
    DOSE_START("dose-start", Body.OPTIONAL, HttpStatus.OK),
    DOSE_END("dose-end", Body.OPTIONAL, HttpStatus.OK),
    DISCHARGE("discharge", Body.REQUIRED, HttpStatus.OK),
    DEFER("defer", Body.REQUIRED, HttpStatus.OK),
    CANCEL("cancel", Body.REQUIRED, HttpStatus.OK),
    NO_SHOW("no-show", Body.IGNORED, HttpStatus.OK);

    private final String path;
    private final Body body;
    private final HttpStatus answers;

    SessionAction(String path, Body body, HttpStatus answers) {
        this.path = path;
        this.body = body;
        this.answers = answers;
    }

    public String path() {
        return path;
    }

    public Body body() {
        return body;
    }

    /** 201 for an action that records something new (a reading, effects, an order); 200 for a step. */
    public HttpStatus answers() {
        return answers;
    }

    public enum Body {
        REQUIRED,
        OPTIONAL,
        /** A body sent is not read at all. */
        IGNORED
    }
}
