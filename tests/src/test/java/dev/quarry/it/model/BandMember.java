package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.entity.Id;
import dev.quarry.entity.Timestamps;
import dev.quarry.event.EntityEvent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The typed pivot of Band.members(): constrained attributes, a default filled by its preInsert handler. */
// snippet:start pivot-entities-entity
@Entity(table = "band_members")
@Timestamps
public class BandMember extends BaseEntity<BandMember> {
    @Id private Long bandId;
    @Id private Long musicianId;
    @NotBlank @Size(max = 30) private String instrument;
    @Min(1900) @Max(2100) private Integer since;
    private Instant createdAt;
    private Instant updatedAt;

    @Override
    protected void preInsert(EntityEvent<BandMember> event) {
        if (instrument == null) {
            instrument = "vocals";
        }
    }

    // snippet:hide getters and setters
    public Long getBandId() { return bandId; }
    public Long getMusicianId() { return musicianId; }
    public String getInstrument() { return instrument; }
    public BandMember setInstrument(String instrument) { this.instrument = instrument; return this; }
    public Integer getSince() { return since; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    // snippet:show
}
// snippet:end
