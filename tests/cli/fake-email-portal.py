#!/usr/bin/env python3
"""A stand-in for the desktop's email portal (org.freedesktop.portal.Email), for the tests:
it owns org.freedesktop.portal.Desktop on the session bus it is given, and for each
ComposeEmail writes a JSON line to $PORTAL_LOG: the address, the subject, and what the
attached file descriptors hold (their first bytes and size), as a mail client would read
them. Prints "ready" once it owns the name."""
import json
import os
import sys

from gi.repository import Gio, GLib

XML = """
<node>
  <interface name="org.freedesktop.portal.Email">
    <method name="ComposeEmail">
      <arg type="s" name="parent_window" direction="in"/>
      <arg type="a{sv}" name="options" direction="in"/>
      <arg type="o" name="handle" direction="out"/>
    </method>
    <property name="version" type="u" access="read"/>
  </interface>
</node>
"""
LOG = os.environ["PORTAL_LOG"]
calls = 0


def on_call(connection, sender, path, interface, method, parameters, invocation):
    global calls
    _, options = parameters.unpack()
    fd_list = invocation.get_message().get_unix_fd_list()
    attachments = []
    for index in options.get("attachment_fds", []):
        fd = fd_list.get(index)
        data = b""
        while chunk := os.read(fd, 65536):
            data += chunk
        os.close(fd)
        attachments.append({"head": data[:5].decode("latin-1"), "size": len(data)})
    with open(LOG, "a") as f:
        f.write(json.dumps({"address": options.get("address"), "subject": options.get("subject"),
                            "attachments": attachments}) + "\n")
    calls += 1
    invocation.return_value(GLib.Variant(
        "(o)", (f"/org/freedesktop/portal/desktop/request/1_1/t{calls}",)))


def on_get(connection, sender, path, interface, name):
    return GLib.Variant("u", 3)


def on_bus(connection, name):
    node = Gio.DBusNodeInfo.new_for_xml(XML)
    connection.register_object("/org/freedesktop/portal/desktop", node.interfaces[0],
                               on_call, on_get, None)


def on_name(connection, name):
    print("ready", flush=True)


Gio.bus_own_name(Gio.BusType.SESSION, "org.freedesktop.portal.Desktop",
                 Gio.BusNameOwnerFlags.NONE, on_bus, on_name, lambda *a: sys.exit(1))
GLib.MainLoop().run()
