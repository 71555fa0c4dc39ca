/**
 * Rule 5 for `csm_append`: writes each request that is not a duplicate at its decided versions,
 * set-based (a statement per request cost a round of planning and execution each).
 * `p_firsts` and `p_duplicates` hold each request's first version and whether it is a duplicate.
 */
export const writeFunction = `
CREATE OR REPLACE FUNCTION csm_write(p_requests jsonb, p_firsts integer[], p_duplicates boolean[], p_recorded_at text)
RETURNS void LANGUAGE sql AS $fn$
  INSERT INTO streams (name, version)
    SELECT r.value->>'stream', d.first + jsonb_array_length(r.value->'events') - 1
      FROM jsonb_array_elements(p_requests) WITH ORDINALITY AS r(value, ord)
      JOIN unnest(p_firsts, p_duplicates) WITH ORDINALITY AS d(first, duplicate, ord) ON d.ord = r.ord
     WHERE NOT d.duplicate
    ON CONFLICT (name) DO UPDATE SET version = excluded.version;
  INSERT INTO events (stream, version, event_id, type, schema_version, data, metadata, recorded_at)
    SELECT r.value->>'stream', d.first + x.ord::integer - 1, (x.event->>'id')::uuid, x.event->>'type',
           (x.event->>'schemaVersion')::integer, x.event->'data', x.event->'metadata', p_recorded_at
      FROM jsonb_array_elements(p_requests) WITH ORDINALITY AS r(value, ord)
      JOIN unnest(p_firsts, p_duplicates) WITH ORDINALITY AS d(first, duplicate, ord) ON d.ord = r.ord
      CROSS JOIN LATERAL jsonb_array_elements(r.value->'events') WITH ORDINALITY AS x(event, ord)
     WHERE NOT d.duplicate
     ORDER BY r.ord, x.ord;
$fn$`

/**
 * Rules 2 to 5 of STORE.md §2 as one SQL function, so that an append is one round trip and one
 * transaction. It takes the requests as JSON (`[{ stream, expected, events }]`, events as the
 * port's `NewEvent`) and answers `{ results: [{ first, duplicate }] }` in request order, or
 * `{ conflict: <index of the request>, actual }`, or `{ reused: stream, eventId }` having written nothing.
 *
 * It first takes a transaction-level advisory lock per stream, in sorted order so that two
 * `appendMany` calls never deadlock. An advisory lock assigns no xid: the transaction gets its
 * xid at its first insert, once it holds its streams, so later appends to a stream carry larger
 * xids. Every request is decided before any is written, so `appendMany` is all or none.
 *
 * It does not NOTIFY: a transaction that notifies takes a cluster-wide lock through its commit,
 * which would serialise all appends (notifier.ts sends the notifications instead).
 */
export const appendFunction = `
CREATE OR REPLACE FUNCTION csm_append(p_requests jsonb, p_recorded_at text) RETURNS jsonb
LANGUAGE plpgsql AS $fn$
DECLARE
  v_stream text;
  v_request jsonb;
  v_expected jsonb;
  v_actual integer;
  v_first integer;
  v_consecutive boolean;
  v_reused text;
  -- Arrays, which PL/pgSQL appends to in place: a growing jsonb is copied at each append.
  v_firsts integer[] := '{}';
  v_duplicates boolean[] := '{}';
  v_guarded boolean := false;
  v_index integer := -1;
BEGIN
  FOR v_stream IN SELECT DISTINCT value->>'stream' FROM jsonb_array_elements(p_requests) ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended(v_stream, 0));
  END LOOP;

  FOR v_request IN SELECT value FROM jsonb_array_elements(p_requests) LOOP
    v_index := v_index + 1;
    v_stream := v_request->>'stream';
    v_expected := v_request->'expected';
    SELECT version INTO v_actual FROM streams WHERE name = v_stream;
    v_actual := coalesce(v_actual, 0);
    -- Rule 2: the whole batch is stored at consecutive versions where the expectation put it.
    -- Only a batch whose first id is stored can be; only then are the others looked up.
    v_first := NULL;
    IF v_actual > 0 THEN
      SELECT version INTO v_first FROM events
        WHERE stream = v_stream AND event_id = (v_request->'events'->0->>'id')::uuid;
    END IF;
    -- In parentheses: PL/pgSQL ends an IF condition at the first THEN outside them.
    IF v_first IS NOT NULL AND (CASE v_expected->>'_tag'
        WHEN 'NoStream' THEN v_first = 1
        WHEN 'Exact' THEN v_first = (v_expected->>'version')::integer + 1
        ELSE true END) THEN
      SELECT count(*) = jsonb_array_length(v_request->'events') INTO v_consecutive
        FROM jsonb_array_elements(v_request->'events') WITH ORDINALITY AS x(event, ord)
        JOIN events e ON e.stream = v_stream AND e.event_id = (x.event->>'id')::uuid
                     AND e.version = v_first + x.ord::integer - 1;
      IF v_consecutive THEN
        v_firsts := array_append(v_firsts, v_first);
        v_duplicates := array_append(v_duplicates, true);
        CONTINUE;
      END IF;
    END IF;

    -- Rule 3: the version check.
    IF NOT (CASE v_expected->>'_tag'
        WHEN 'NoStream' THEN v_actual = 0
        WHEN 'StreamExists' THEN v_actual > 0
        WHEN 'Exact' THEN v_actual = (v_expected->>'version')::integer
        ELSE true END) THEN
      RETURN jsonb_build_object('conflict', v_index, 'actual', v_actual);
    END IF;

    -- Rule 4 for the first id; the unique index checks the others as they are inserted.
    IF v_first IS NOT NULL THEN
      RETURN jsonb_build_object('reused', v_stream, 'eventId', v_request->'events'->0->>'id');
    END IF;
    v_guarded := v_guarded OR (v_actual > 0 AND jsonb_array_length(v_request->'events') > 1);
    v_firsts := array_append(v_firsts, v_actual + 1);
    v_duplicates := array_append(v_duplicates, false);
  END LOOP;

  -- Rule 5: the writes. Only a batch of several events into a stream that exists may reuse an id
  -- the checks above did not look up; only then is the insert guarded (a guard is a subtransaction).
  IF NOT v_guarded THEN
    PERFORM csm_write(p_requests, v_firsts, v_duplicates, p_recorded_at);
  ELSE
    BEGIN
      PERFORM csm_write(p_requests, v_firsts, v_duplicates, p_recorded_at);
    EXCEPTION WHEN unique_violation THEN
      -- Rule 4: an id of a batch is stored already; the inserts are undone. Name the first one.
      SELECT r.value->>'stream', x.event->>'id' INTO v_stream, v_reused
        FROM jsonb_array_elements(p_requests) WITH ORDINALITY AS r(value, ord),
             jsonb_array_elements(r.value->'events') WITH ORDINALITY AS x(event, event_ord)
        WHERE EXISTS (SELECT 1 FROM events e WHERE e.stream = r.value->>'stream' AND e.event_id = (x.event->>'id')::uuid)
        ORDER BY r.ord, x.event_ord LIMIT 1;
      IF v_reused IS NULL THEN
        RAISE;
      END IF;
      RETURN jsonb_build_object('reused', v_stream, 'eventId', v_reused);
    END;
  END IF;

  RETURN jsonb_build_object('results', (
    SELECT jsonb_agg(jsonb_build_object('first', d.first, 'duplicate', d.duplicate) ORDER BY d.ord)
      FROM unnest(v_firsts, v_duplicates) WITH ORDINALITY AS d(first, duplicate, ord)));
END
$fn$`
