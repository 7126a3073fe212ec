-- A clinician's decision on a screening (CLINICAL section 5): who decided, in which role, and, for a prescriber's
-- approval over an INELIGIBLE finding, the recorded override reason. V1 already has decision, decided_by, decided_at
-- and decision_note.
alter table screening
    add column decided_by_role text check (decided_by_role in ('PRESCRIBER', 'CLINICIAN')),
    add column override_reason text;

alter table screening
    add constraint screening_decided_in_full check (
        (decision is null) = (decided_by is null)
        and (decision is null) = (decided_by_role is null)
        and (decision is null) = (decided_at is null)
        and (decision is null) = (decision_note is null)),
    add constraint screening_override_reason_only_on_approval check (override_reason is null or decision = 'APPROVED'),
    -- an ELIGIBLE screening has nothing to decide
    add constraint screening_eligible_is_not_decided check (outcome <> 'ELIGIBLE' or decision is null);

create index screening_by_decision on screening (decision, recorded_at) where decision is not null;

-- CLINICAL D-9: a re-screening's progress from the patient's baseline screening, kept as computed when it was
-- recorded (like the outcome). Null on the baseline itself; pcl5_change also null unless PCL-5 was given both times.
alter table screening
    add column baseline_screening_id uuid references screening (screening_id),
    add column phq9_change           integer,
    add column pcl5_change           integer,
    add column response              boolean,
    add column remission             boolean;

-- Re-screenings recorded before V2 get their progress here, by the same rules as MeasurementBasedCare (CLINICAL D-9):
-- change = total - baseline total; response: PHQ-9 at most half the baseline (PTSD: PCL-5 at least 10 below the
-- baseline's); remission: PHQ-9 < 5 (PTSD: PCL-5 < 33). A missing PCL-5 total is null, so its change is null.
update screening s
set baseline_screening_id = b.screening_id,
    phq9_change = (s.scores -> 'phq9' ->> 'total')::int - (b.scores -> 'phq9' ->> 'total')::int,
    pcl5_change = (s.scores -> 'pcl5' ->> 'total')::int - (b.scores -> 'pcl5' ->> 'total')::int,
    response    = case
                      when s.indication = 'PTSD' then coalesce(
                          (s.scores -> 'pcl5' ->> 'total')::int <= (b.scores -> 'pcl5' ->> 'total')::int - 10, false)
                      else 2 * (s.scores -> 'phq9' ->> 'total')::int <= (b.scores -> 'phq9' ->> 'total')::int
                  end,
    remission   = case
                      when s.indication = 'PTSD' then coalesce((s.scores -> 'pcl5' ->> 'total')::int < 33, false)
                      else (s.scores -> 'phq9' ->> 'total')::int < 5
                  end
from screening b
where b.patient_id = s.patient_id
  and b.baseline
  and not s.baseline;

alter table screening
    add constraint screening_progress_on_rescreenings_only check (
        case
            when baseline then baseline_screening_id is null and phq9_change is null and pcl5_change is null
                               and response is null and remission is null
            else baseline_screening_id is not null and phq9_change is not null and response is not null
                 and remission is not null
        end);
