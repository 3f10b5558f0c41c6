package io.flightdeck.store.hosts;

import static io.flightdeck.store.jooq.Tables.HOST;

import io.flightdeck.core.hosts.AuthMethod;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.hosts.HostRepository;
import io.flightdeck.store.jooq.tables.records.HostRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** The host inventory in H2. Thread-safe. */
public final class JooqHostRepository implements HostRepository {
  private final DSLContext db;

  public JooqHostRepository(DSLContext db) {
    this.db = db;
  }

  @Override
  public List<HostConfig> list() {
    return db.selectFrom(HOST).orderBy(HOST.NAME).fetch(JooqHostRepository::toHost);
  }

  @Override
  public Optional<HostConfig> find(String name) {
    return db.selectFrom(HOST).where(HOST.NAME.eq(name)).fetchOptional(JooqHostRepository::toHost);
  }

  @Override
  public void save(HostConfig h) {
    db.mergeInto(HOST)
        .using(db.selectOne())
        .on(HOST.NAME.eq(h.name()))
        .whenMatchedThenUpdate()
        .set(HOST.HOSTNAME, h.hostname())
        .set(HOST.PORT, h.port())
        .set(HOST.USER_NAME, h.user())
        .set(HOST.AUTH, h.auth().name())
        .set(HOST.KEY_FILE, h.keyFile())
        .set(HOST.MAX_JOBS, h.maxJobs())
        .set(HOST.JAVA_CMD, h.java())
        .set(HOST.UPDATED_MS, h.updated().toEpochMilli())
        .whenNotMatchedThenInsert(
            HOST.NAME,
            HOST.HOSTNAME,
            HOST.PORT,
            HOST.USER_NAME,
            HOST.AUTH,
            HOST.KEY_FILE,
            HOST.MAX_JOBS,
            HOST.JAVA_CMD,
            HOST.CREATED_MS,
            HOST.UPDATED_MS)
        .values(
            h.name(),
            h.hostname(),
            h.port(),
            h.user(),
            h.auth().name(),
            h.keyFile(),
            h.maxJobs(),
            h.java(),
            h.created().toEpochMilli(),
            h.updated().toEpochMilli())
        .execute();
  }

  @Override
  public boolean delete(String name) {
    return db.deleteFrom(HOST).where(HOST.NAME.eq(name)).execute() > 0;
  }

  private static HostConfig toHost(HostRecord r) {
    return new HostConfig(
        r.getName(),
        r.getHostname(),
        r.getPort(),
        r.getUserName(),
        AuthMethod.valueOf(r.getAuth()),
        r.getKeyFile(),
        r.getMaxJobs(),
        r.getJavaCmd(),
        Instant.ofEpochMilli(r.getCreatedMs()),
        Instant.ofEpochMilli(r.getUpdatedMs()));
  }
}
