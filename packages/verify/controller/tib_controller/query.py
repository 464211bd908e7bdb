"""One real query against the datastore, from outside the guest, as a database user the
guest API created: what a Trove user does first."""

import time

from .report import emit, since

MYSQL_FAMILY = ("mysql", "mariadb", "percona", "pxc")


def real_query(args, manager):
    t = time.monotonic()
    extra = {}
    try:
        if manager in MYSQL_FAMILY:
            import pymysql

            c = pymysql.connect(
                host=args.query_host, port=args.query_port, user=args.db_user, password=args.db_password, database=args.db_name, connect_timeout=10
            )
            with c.cursor() as cur:
                cur.execute("SELECT VERSION(), DATABASE(), CURRENT_USER()")
                row = cur.fetchone()
            c.close()
        elif manager == "postgresql":
            import psycopg2

            def connect(dbname):
                return psycopg2.connect(
                    host=args.query_host, port=args.query_port, user=args.db_user, password=args.db_password, dbname=dbname, connect_timeout=10
                )

            try:
                c = connect(args.db_name)
            except psycopg2.OperationalError as e:
                if "does not exist" not in str(e):
                    raise
                # create_database failed (its own row says so): still prove the user works.
                extra["fallback"] = "database %s missing (%s); queried 'postgres'" % (args.db_name, str(e).strip())
                c = connect("postgres")
            cur = c.cursor()
            cur.execute("SELECT version(), current_database(), current_user")
            row = cur.fetchone()
            c.close()
        else:
            emit("check", "query", None, skipped="no client for %s" % manager)
            return
        emit("check", "query", True, row=list(row), ms=since(t), **extra)
    except Exception as e:
        emit("check", "query", False, error=repr(e)[:1000], ms=since(t))
