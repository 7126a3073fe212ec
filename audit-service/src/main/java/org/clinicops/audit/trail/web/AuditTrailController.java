package org.clinicops.audit.trail.web;

import org.clinicops.audit.trail.AuditRecords;
import org.clinicops.audit.trail.ChainedRecord;
import org.clinicops.support.web.BadParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trail by patient ({@code ?patientId=}) or by actor ({@code ?actor=}), exactly one of the two: there is no
 * unfiltered dump. Oldest first, {@code limit} records a page, {@code cursor} the {@code next} of the page before.
 */
@RestController
@RequestMapping("/api/audit")
class AuditTrailController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9._@:|-]{1,200}");
    private static final Pattern CURSOR = Pattern.compile("\\{\"seq\":(\\d{1,18})}");

    private final AuditRecords records;

    AuditTrailController(AuditRecords records) {
        this.records = records;
    }

    @GetMapping
    AuditPage read(@RequestParam(required = false) UUID patientId, @RequestParam(required = false) String actor,
                   @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        if (patientId == null && actor == null) {
            throw new BadParameterException("patientId", "or actor is required (exactly one of the two)");
        }
        if (patientId != null && actor != null) {
            throw new BadParameterException("actor", "cannot be given with patientId (exactly one of the two)");
        }
        if (actor != null && !ACTOR.matcher(actor).matches()) {
            throw new BadParameterException("actor", "must be a staff or client id (letters, digits, . _ @ : | -)");
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new BadParameterException("limit", "must be from 1 to " + MAX_LIMIT);
        }
        long after = cursor == null ? 0 : afterSeq(cursor);
        // one more than asked: whether a next page exists
        List<ChainedRecord> found = patientId != null
                ? records.ofPatient(patientId, after, size + 1)
                : records.ofActor(actor, after, size + 1);
        if (found.size() <= size) {
            return new AuditPage(found, null);
        }
        List<ChainedRecord> page = found.subList(0, size);
        return new AuditPage(page, cursor(page.getLast().seq()));
    }

    private static String cursor(long seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static long afterSeq(String cursor) {
        try {
            Matcher seq = CURSOR.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (seq.matches()) {
                return Long.parseLong(seq.group(1));
            }
        } catch (IllegalArgumentException e) {
            // not base64: the same answer as any other cursor this service did not hand out
        }
        throw new BadParameterException("cursor", "must be the next of an earlier page");
    }
}
