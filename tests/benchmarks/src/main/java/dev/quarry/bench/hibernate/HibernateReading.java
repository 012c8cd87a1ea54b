package dev.quarry.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A reading. */
@Entity(name = "Reading")
@Table(name = "readings")
public class HibernateReading {
    @Id private Long id;
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
