/* rmm-shortcuts.c: the application's keyboard shortcuts, in one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every key a chair uses in a meeting is an application accelerator, so it reaches its
 * action wherever focus is in the window (the main menu at launch, the sidebar, a second
 * window) and not only while focus is inside the view that owns the action. The actions
 * are enabled by the state of the meeting and the child on show: a key that does not apply
 * does nothing. The shortcuts window (ui/rmm-shortcuts-window.ui) lists exactly these,
 * and tests/ui/test-widgets.c checks that it does and that none is a key GTK or GNOME
 * Shell already takes.
 */
#define G_LOG_DOMAIN "rmm-gui"

#include "config.h"

#include "rmm-shortcuts.h"

static const RmmShortcut shortcuts[] = {
  /* Meetings */
  { "win.this-week", "<Ctrl>t" },
  { "win.newer-meeting", "<Ctrl>Page_Up" },
  { "win.older-meeting", "<Ctrl>Page_Down" },
  { "win.previous-area", "<Alt>Up" },
  { "win.next-area", "<Alt>Down" },

  /* Running the meeting */
  { "meeting.open", "<Ctrl><Shift>o" },
  { "meeting.previous-actions", "<Ctrl>j" },
  { "meeting.conclude", "<Ctrl><Shift>e" },
  { "win.next-item", "<Alt>Page_Down" },
  { "win.previous-item", "<Alt>Page_Up" },
  { "win.back", "<Alt>Left" },
  { "meeting.document('minutes')", "<Ctrl><Shift>m" },
  { "meeting.document('pack')", "<Ctrl><Shift>k" },
  { "meeting.add-child", "<Ctrl><Shift>c" },

  /* Decisions about the child on show */
  { "item.decide('risk-rating')", "<Ctrl>1" },
  { "item.decide('lead-agency')", "<Ctrl>2" },
  { "item.plan", "<Ctrl>3" },
  { "item.decide('closure')", "<Ctrl>4" },
  { "item.actions", "<Ctrl>5" },
  { "item.respond", "<Ctrl>6" },
  { "item.circulate", "<Ctrl>7" },
  { "item.focus-minutes", "<Ctrl>m" },
  { "item.discussed", "<Ctrl>d" },
  /* Not Ctrl+Shift+D: GTK's inspector answers that one. L for "later". */
  { "item.defer", "<Ctrl><Shift>l" },
  { "item.reopen", "<Ctrl><Shift>r" },

  /* Referrals and children */
  { "win.new-referral", "<Ctrl>n" },
  { "win.import-referrals", "<Ctrl>i" },
  { "win.show-referrals", "<Ctrl>r" },
  { "win.find-child", "<Ctrl>f" },
  { "win.show-oversight", "<Ctrl><Shift>g" },

  /* The projector */
  { "win.projector", "F5" },
  { "win.projector-blank", "<Ctrl>b" },
  { "win.projector-unblank", "<Ctrl><Shift>b" },
  { "win.projector-reveal", "<Ctrl><Shift>n" },

  /* General */
  { "win.preferences", "<Ctrl>comma" },
  { "win.show-help-overlay", "<Ctrl>question" },
  { "app.quit", "<Ctrl>q" },
};

/* Keys that GTK 4 (in any window) or GNOME Shell and Mutter (their defaults in Debian 12)
 * take before or instead of an application: none may be one of ours. */
static const char * const reserved[] = {
  /* GTK: the inspector, menus, focus, text editing, emoji and Unicode input */
  "<Ctrl><Shift>i", "<Ctrl><Shift>d", "F10", "<Shift>F10", "Menu", "F6", "<Shift>F6",
  "<Ctrl>Tab", "<Ctrl><Shift>Tab", "<Ctrl>a", "<Ctrl><Shift>a", "<Ctrl>c", "<Ctrl>v",
  "<Ctrl>x", "<Ctrl>z", "<Ctrl><Shift>z", "<Ctrl>period", "<Ctrl>semicolon",
  "<Ctrl><Shift>u", "<Ctrl>Insert", "<Shift>Insert", "<Shift>Delete", "<Ctrl>BackSpace",
  "<Ctrl>Delete", "<Ctrl>Home", "<Ctrl>End", "<Ctrl>Left", "<Ctrl>Right", "<Ctrl>Up",
  "<Ctrl>Down", "Escape", "Tab", "<Shift>Tab", "Return", "space",
  /* GNOME Shell and Mutter */
  "<Alt>Tab", "<Alt><Shift>Tab", "<Alt>grave", "<Alt>Escape", "<Alt>F1", "<Alt>F2",
  "<Alt>F4", "<Alt>F5", "<Alt>F6", "<Alt>F7", "<Alt>F8", "<Alt>F10", "<Alt>space",
  "<Ctrl><Alt>Delete", "<Ctrl><Alt>Tab", "<Ctrl><Alt>Escape", "<Ctrl><Alt>Left",
  "<Ctrl><Alt>Right", "<Ctrl><Alt>Up", "<Ctrl><Alt>Down", "<Ctrl><Alt><Shift>r", "Print",
  "<Alt>Print", "<Shift>Print", "<Ctrl>Print", "<Super>", "<Super>l", "<Super>a",
  "<Super>v", "<Super>s", "<Super>d", "<Super>h", "<Super>Up", "<Super>Down",
  "<Super>Left", "<Super>Right", "<Super>Page_Up", "<Super>Page_Down", "<Super>Tab",
  NULL
};

const RmmShortcut *
rmm_shortcuts_get_all (guint *n_shortcuts)
{
  *n_shortcuts = G_N_ELEMENTS (shortcuts);
  return shortcuts;
}

const char * const *
rmm_shortcuts_get_reserved (void)
{
  return reserved;
}

void
rmm_shortcuts_install (GtkApplication *application)
{
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      const char *accels[] = { shortcuts[i].accel, NULL };

      gtk_application_set_accels_for_action (application, shortcuts[i].action, accels);
    }
}
