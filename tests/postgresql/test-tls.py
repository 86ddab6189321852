#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A server that is not on this computer is reached over TLS and its certificate verified,
unless the address itself asks for less; RMM Desk says which it is using.

The throw-away server is restarted with TLS on TCP and a self-signed certificate for
"rmm.test"; the address names that host (libpq's hostaddr reaches it on loopback, so no name
needs resolving, and RMM Desk's rule sees a remote server):
  * by default (verify-full) with no trusted root: refused, one sentence, nothing written;
  * trusting the certificate (sslrootcert): set up, "the server's certificate verified";
  * the same certificate for another name: refused;
  * sslmode=require in the address: set up, and said to be not fully verified.

Run as: with-cluster test-tls.py RMMCTL
"""

import os
import shutil
import subprocess
import sys
import tempfile

rmmctl = sys.argv[1]
folder = tempfile.mkdtemp(prefix="rmm-tls-")
failures = []


def psql(sql, database="postgres"):
    return subprocess.run(["psql", "-X", "-tA", "-d", database, "-c", sql], check=True,
                          capture_output=True, text=True).stdout.strip()


def init(address):
    # A HOME of its own: no ~/.postgresql/root.crt of this machine's to trust by accident.
    env = dict(os.environ, HOME=folder)
    result = subprocess.run([rmmctl, "--database", address, "server", "init"],
                            capture_output=True, text=True, env=env)
    return result.returncode, result.stdout + result.stderr


def expect(label, address, status, *words):
    code, out = init(address)
    missing = [w for w in words if w not in out]
    if code != status or missing or len([line for line in out.splitlines() if line]) > 2:
        failures.append(f"{label}: exit {code}, expected {status}; missing {missing}: {out!r}")
    else:
        print(f"ok: {label}: {out.strip()}")


try:
    key, cert = os.path.join(folder, "server.key"), os.path.join(folder, "server.crt")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=rmm.test", "-addext", "subjectAltName=DNS:rmm.test",
                    "-keyout", key, "-out", cert], check=True, capture_output=True)
    server_user = psql("SELECT current_user")
    data = psql("SHOW data_directory")
    for name in ("server.key", "server.crt"):
        shutil.copy(os.path.join(folder, name), os.path.join(data, name))
        shutil.chown(os.path.join(data, name), user=server_user)
        os.chmod(os.path.join(data, name), 0o600)
    psql("CREATE DATABASE county")
    psql("CREATE DATABASE other")

    port = "5433"
    server = os.environ["RMM_TEST_SERVER"]
    env = dict(os.environ, RMM_TEST_SERVER_OPTIONS=f"-c listen_addresses=127.0.0.1 "
               f"-c port={port} -c ssl=on -c ssl_cert_file=server.crt -c ssl_key_file=server.key")
    subprocess.run([server, "stop"], check=True)
    subprocess.run([server, "start"], check=True, env=env)
    os.environ["PGPORT"] = port

    remote = f"host=rmm.test hostaddr=127.0.0.1 port={port} user={server_user}"
    expect("verify-full by default, no trusted root", f"{remote} dbname=county", 1,
           "could not be secured")
    if psql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", "county") != "0":
        failures.append("a refused connection changed the database")
    expect("another name on the certificate",
           f"host=other.test hostaddr=127.0.0.1 port={port} user={server_user} dbname=county "
           f"sslrootcert={cert}", 1, "could not be secured")
    expect("the certificate trusted", f"{remote} dbname=county sslrootcert={cert}", 0,
           "Encrypted (TLS), the server’s certificate verified.")
    expect("sslmode=require set in the address", f"{remote} dbname=other sslmode=require", 0,
           "TLS mode “require”, set in the address: the server is not fully verified.")
finally:
    shutil.rmtree(folder, ignore_errors=True)

if failures:
    sys.exit("\n".join(failures))
