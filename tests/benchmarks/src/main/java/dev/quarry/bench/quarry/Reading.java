package dev.quarry.bench.quarry;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import java.time.LocalDateTime;

/** A row of the hydration and chunk benchmarks: five columns of five types. */
@Entity
public class Reading extends BaseEntity<Reading> {
    private Long id;
    private String sensor;
    private Integer amount;
    private LocalDateTime takenAt;
    private Boolean approved;

    public Long getId() { return id; }
    public String getSensor() { return sensor; }
    public Integer getAmount() { return amount; }
    public LocalDateTime getTakenAt() { return takenAt; }
    public Boolean getApproved() { return approved; }
}
