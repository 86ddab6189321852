/* test-widgets.c: every window and dialog builds, shows and goes away without a leak
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building each one catches a .ui file that uses a class or property newer than the
 * platform floor (GTK 4.8, libadwaita 1.2): such a file fails to build here.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rmm-test-support.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rmm-actions-dialog.h"
#include "rmm-add-child-dialog.h"
#include "rmm-assessment-dialog.h"
#include "rmm-carry-forward-dialog.h"
#include "rmm-closure-dialog.h"
#include "rmm-concern-dialog.h"
#include "rmm-conclude-dialog.h"
#include "rmm-cse-list-view.h"
#include "rmm-date-row.h"
#include "rmm-dates.h"
#include "rmm-decisions-panel.h"
#include "rmm-demo.h"
#include "rmm-disruption-dialog.h"
#include "rmm-documents.h"
#include "rmm-error.h"
#include "rmm-episode-dialog.h"
#include "rmm-import-dialog.h"
#include "rmm-item-clock.h"
#include "rmm-lead-dialog.h"
#include "rmm-meeting-view.h"
#include "rmm-minutes-editor.h"
#include "rmm-move-dialog.h"
#include "rmm-note-dialog.h"
#include "rmm-open-meeting-dialog.h"
#include "rmm-oversight-view.h"
#include "rmm-plan-dialog.h"
#include "rmm-preferences-window.h"
#include "rmm-circulate-dialog.h"
#include "rmm-network-dialog.h"
#include "rmm-server-login.h"
#include "rmm-store-private.h"  /* rmm_store_query_int (): what was published */
#include "rmm-preview-window.h"
#include "rmm-projector-window.h"
#include "rmm-rating-dialog.h"
#include "rmm-referral-dialog.h"
#include "rmm-response-dialog.h"
#include "rmm-shortcuts.h"
#include "rmm-store-keeper.h"
#include "rmm-transition-dialog.h"
#include "rmm-triggers-view.h"
#include "rmm-window.h"

typedef struct
{
  char     *folder;
  char     *path;
  RmmStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RmmDemoOptions options;

  rmm_demo_options_init (&options);
  options.n_children = 60;
  f->folder = rmm_test_make_folder ();
  f->path = g_build_filename (f->folder, "demo.sqlite", NULL);
  f->store = rmm_demo_create (f->path, &options, FALSE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  rmm_test_remove_folder (f->folder);
  g_free (f->path);
  g_free (f->folder);
}

static void
drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_main_window (Fixture       *f,
                  gconstpointer  data)
{
  RmmWindow *window = rmm_window_new (NULL, f->store);

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_true (rmm_window_get_store (window) == f->store);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_finalize_object (window);
}

/* Two windows on one store (the chair's and the minute-taker's) share one keeper: the file
 * is polled once, and the daily backup is made once, not once per window. */
static void
test_two_windows_one_keeper (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->folder, "real.sqlite", NULL);
  g_autoptr(RmmStore) store = rmm_store_open (path, RMM_STORE_OPEN_CREATE, &error);
  g_autoptr(GPtrArray) backups = NULL;
  RmmWindow *windows[2];
  gint64 deadline;

  g_assert_no_error (error);
  g_assert_true (rmm_store_backup_is_due (store));
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      windows[i] = g_object_ref_sink (rmm_window_new (NULL, store));
      gtk_window_present (GTK_WINDOW (windows[i]));
      drain_main_loop ();
    }
  g_assert_true (rmm_store_keeper_get (store) == rmm_store_keeper_get (store));
  /* The backup runs in a worker thread: wait for it, and a while for a second one. */
  deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      drain_main_loop ();
      g_usleep (50 * 1000);
    }
  backups = rmm_store_list_backups (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      gtk_window_destroy (GTK_WINDOW (windows[i]));
      drain_main_loop ();
      g_assert_finalize_object (windows[i]);
    }
}

static void
test_main_window_narrow (Fixture       *f,
                         gconstpointer  data)
{
  RmmWindow *window = rmm_window_new (NULL, f->store);

  g_object_ref_sink (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  gtk_window_present (GTK_WINDOW (window));
  drain_main_loop ();
  /* Actions a chair uses from the keyboard all run. */
  for (guint i = 0; i < 4; i++)
    {
      static const char *actions[] = { "win.next-area", "win.older-meeting",
                                       "win.newer-meeting", "win.this-week" };
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), actions[i], NULL));
      drain_main_loop ();
    }
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_finalize_object (window);
}

static void
test_import_dialog (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->folder, "in.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  RmmImportDialog *dialog = rmm_import_dialog_new (NULL, f->store);

  g_assert_true (g_file_set_contents (csv, "child_ref,first_name\nX,Y\n", -1, NULL));
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  rmm_import_dialog_load_file (dialog, file);
  drain_main_loop ();
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain_main_loop ();
  g_unlink (csv);
  g_assert_finalize_object (dialog);
}

/* Every date field a form has takes the UK forms people type and keeps a wrong one on
 * screen, marked: the same RmmDateRow everywhere. Returns how many it found. */
static guint
type_into_date_rows (GtkWidget *widget)
{
  guint n = 0;

  if (RMM_IS_DATE_ROW (widget))
    {
      RmmDateRow *row = RMM_DATE_ROW (widget);
      g_autofree char *iso = NULL;
      g_autoptr(GError) error = NULL;

      gtk_editable_set_text (GTK_EDITABLE (row), "15/12/26");
      g_assert_true (rmm_date_row_get_date (row, &iso, NULL));
      g_assert_cmpstr (iso, ==, "2026-12-15");
      g_clear_pointer (&iso, g_free);
      gtk_editable_set_text (GTK_EDITABLE (row), "15 Dec 2026");
      g_assert_true (rmm_date_row_get_date (row, &iso, NULL));
      g_assert_cmpstr (iso, ==, "2026-12-15");
      gtk_editable_set_text (GTK_EDITABLE (row), "31/02/2026");
      g_assert_false (rmm_date_row_get_date (row, &iso, &error));
      g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "31/02/2026");
      g_assert_true (gtk_widget_has_css_class (widget, "error"));
      gtk_editable_set_text (GTK_EDITABLE (row), "");
      return 1;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += type_into_date_rows (child);
  return n;
}

static guint n_date_rows;

static void
destroy_window (GtkWidget *window)
{
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  drain_main_loop ();
  n_date_rows += type_into_date_rows (window);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_finalize_object (window);
}

/* The carry-forward question offers Carry Forward only for a day after the meeting: a message
 * dialog closes on any answer, so a date it would refuse must not be answerable. */
static void
check_carry_forward (RmmMeeting *meeting)
{
  g_autoptr(GDate) day = rmm_meeting_dup_date (meeting);
  RmmPlanAction action = {
    .id = 7,
    .reference = (char *)"CH-000007",
    .child_name = (char *)"Sam Example",
    .description = (char *)"Direct work",
  };
  RmmCarryForwardDialog *dialog = rmm_carry_forward_dialog_new (NULL, meeting, &action);
  GtkListBox *list = GTK_LIST_BOX (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)));
  GtkEditable *row = GTK_EDITABLE (gtk_list_box_get_row_at_index (list, 0));
  g_autofree char *due = NULL;
  char text[16];

  g_assert_nonnull (day);
  g_object_ref_sink (dialog);
  rmm_carry_forward_dialog_present (dialog);
  drain_main_loop ();
  g_assert_true (RMM_IS_DATE_ROW (row));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "carry"));
  g_date_strftime (text, sizeof text, "%Y-%m-%d", day);
  gtk_editable_set_text (row, text);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "carry"));
  g_date_add_days (day, 1);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", day);
  gtk_editable_set_text (row, text);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "carry"));
  g_assert_cmpint (rmm_carry_forward_dialog_get_action_id (dialog), ==, 7);
  due = rmm_carry_forward_dialog_dup_due_on (dialog);
  g_assert_cmpstr (due, ==, text);
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain_main_loop ();
  g_assert_finalize_object (dialog);
}

static void
test_forms (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GListModel) referrals = rmm_store_list_referrals (f->store, 0, "2000-01-01",
                                                              "2100-01-01", NULL);
  g_autoptr(RmmReferral) referral = g_list_model_get_item (referrals, 0);

  destroy_window (GTK_WIDGET (rmm_referral_dialog_new (NULL, f->store)));
  destroy_window (GTK_WIDGET (rmm_concern_dialog_new (NULL, f->store)));
  {
    g_autoptr(GListModel) meetings = rmm_store_list_meetings (f->store, 0, NULL);
    g_autoptr(RmmMeeting) meeting = g_list_model_get_item (meetings, 0);

    destroy_window (GTK_WIDGET (rmm_add_child_dialog_new (NULL, f->store,
                                                          rmm_meeting_get_id (meeting),
                                                          rmm_meeting_get_area_id (meeting))));
    /* The rating dialog, for the first child on any agenda. */
    for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
      {
        g_autoptr(RmmMeeting) held = g_list_model_get_item (meetings, i);
        g_autoptr(GListModel) agenda = rmm_store_list_agenda (f->store,
                                                              rmm_meeting_get_id (held), NULL);
        g_autoptr(RmmAgendaItem) item = NULL;

        if (g_list_model_get_n_items (agenda) == 0)
          continue;
        item = g_list_model_get_item (agenda, 0);
        destroy_window (GTK_WIDGET (rmm_rating_dialog_new (NULL, f->store, held, item,
                                                           "surrey-3-level")));
        destroy_window (GTK_WIDGET (rmm_lead_dialog_new (NULL, f->store, held, item,
                                                         "surrey-3-level")));
        destroy_window (GTK_WIDGET (rmm_closure_dialog_new (NULL, f->store, held, item)));
        destroy_window (GTK_WIDGET (rmm_plan_dialog_new (NULL, f->store, held, item,
                                                         "surrey-3-level")));
        destroy_window (GTK_WIDGET (rmm_transition_dialog_new (NULL, f->store, held, item)));
        destroy_window (GTK_WIDGET (rmm_open_meeting_dialog_new (NULL, f->store, held)));
        destroy_window (GTK_WIDGET (rmm_actions_dialog_new (NULL, f->store, held)));
        check_carry_forward (held);
        destroy_window (GTK_WIDGET (rmm_conclude_dialog_new (NULL, f->store, held)));
        destroy_window (GTK_WIDGET (rmm_episode_dialog_new (NULL, f->store, item)));
        destroy_window (GTK_WIDGET (rmm_note_dialog_new (NULL, f->store, item)));
        destroy_window (GTK_WIDGET (rmm_disruption_dialog_new (NULL, f->store, item)));
        {
          g_autoptr(GPtrArray) triggers = rmm_store_list_triggers (f->store, 0, FALSE, NULL);

          g_assert_cmpuint (triggers->len, >, 0);
          destroy_window (GTK_WIDGET (rmm_response_dialog_new (NULL, f->store, held,
                                                               g_ptr_array_index (triggers, 0))));
        }
        break;
      }
  }
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    destroy_window (GTK_WIDGET (rmm_preferences_window_new (NULL, settings, f->store)));
  }
  destroy_window (GTK_WIDGET (rmm_assessment_dialog_new (NULL, f->store, referral,
                                                         "seraf-4-category")));
  {
    g_autoptr(GListModel) coming = rmm_store_list_meetings (f->store, 0, NULL);
    g_autoptr(RmmMeeting) planned = g_list_model_get_item (coming, 0);

    g_assert_cmpint (rmm_meeting_get_state (planned), ==, RMM_MEETING_STATUS_PLANNED);
    destroy_window (GTK_WIDGET (rmm_move_dialog_new (NULL, f->store, planned)));
  }
  /* Plan (review date), transition, opening (information sent), response (convened on),
   * assessment (two), move: each typed into. */
  g_test_message ("%u date fields typed into", n_date_rows);
  g_assert_cmpuint (n_date_rows, >=, 7);
}

static void
test_cse_list_view (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = rmm_cse_list_view_new ();

  g_object_ref_sink (window);
  gtk_window_set_child (GTK_WINDOW (window), view);
  rmm_cse_list_view_load (RMM_CSE_LIST_VIEW (view), f->store);
  gtk_window_present (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_true (gtk_widget_activate_action (view, "cse.previous-week", NULL));
  drain_main_loop ();
  /* Circulate… offers the week shown to the list's distribution. */
  g_assert_true (gtk_widget_activate_action (view, "cse.circulate", NULL));
  drain_main_loop ();
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *dialog = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GtkWindow) top = g_list_model_get_item (toplevels, i);

        if (g_strcmp0 (gtk_window_get_title (top), "Circulate the CSE List") == 0)
          dialog = top;
      }
    g_assert_nonnull (dialog);
    gtk_window_destroy (dialog);
    drain_main_loop ();
  }
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_finalize_object (window);
}


/* The first widget under @widget (itself included), depth first, that @matches. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             gboolean  (*matches) (GtkWidget *widget, const char *text),
             const char *text)
{
  if (matches (widget, text))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, matches, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_text_view (GtkWidget  *widget,
              const char *text)
{
  return GTK_IS_TEXT_VIEW (widget);
}

static gboolean
is_label (GtkWidget  *widget,
          const char *text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_button (GtkWidget  *widget,
           const char *text)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
}

static gboolean
is_remove_button (GtkWidget  *widget,
                  const char *text)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

static GtkTextView *
find_text_view (GtkWidget *widget)
{
  return GTK_TEXT_VIEW (find_widget (widget, is_text_view, NULL));
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  return find_widget (widget, is_label, text);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  return find_widget (widget, is_button, label);
}

/* The first child on any meeting's agenda. */
static RmmAgendaItem *
first_agenda_item (Fixture *f)
{
  g_autoptr(GListModel) meetings = rmm_store_list_meetings (f->store, 0, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(RmmMeeting) meeting = g_list_model_get_item (meetings, i);
      g_autoptr(GListModel) agenda = rmm_store_list_agenda (f->store,
                                                            rmm_meeting_get_id (meeting), NULL);

      if (g_list_model_get_n_items (agenda) > 0)
        return g_list_model_get_item (agenda, 0);
    }
  g_assert_not_reached ();
}

static void
assert_buffer (GtkTextBuffer *buffer,
               const char    *expected)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, expected);
}

static guint
count_message_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      n += ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window));
    }
  return n;
}

/* The message dialog the editor put up, answered as a user would. */
static void
answer_dialog (const char *response)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        {
          adw_message_dialog_response (ADW_MESSAGE_DIALOG (window), response);
          gtk_window_destroy (GTK_WINDOW (window));
          drain_main_loop ();
          return;
        }
    }
  g_assert_not_reached ();
}

/* The minutes as the minute-taker types them: saved, newer text from another window shown
 * when nothing typed waits, and a save over someone else's asks which to keep. */
static void
test_minutes_editor (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RmmAgendaItem) item = first_agenda_item (f);
  g_autoptr(RmmItemFacts) facts = NULL;
  GtkWidget *window = g_object_ref_sink (gtk_window_new ());
  RmmMinutesEditor *editor = g_object_new (RMM_TYPE_MINUTES_EDITOR, NULL);
  GtkTextBuffer *buffer;
  gint64 item_id, version;

  item_id = rmm_agenda_item_get_id (item);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (window));
  buffer = gtk_text_view_get_buffer (find_text_view (GTK_WIDGET (editor)));

  facts = rmm_store_get_item_facts (f->store, item_id, NULL);
  rmm_minutes_editor_show_item (editor, f->store, item_id);
  rmm_minutes_editor_update (editor, "Read out.", facts->row_version);
  version = facts->row_version;
  g_clear_pointer (&facts, rmm_item_facts_free);

  /* Typed and saved (the pause is skipped: leaving the item saves at once). */
  gtk_text_buffer_set_text (buffer, "Ada Testwell reported the school’s concerns.", -1);
  rmm_minutes_editor_save (editor);
  facts = rmm_store_get_item_facts (f->store, item_id, NULL);
  g_assert_cmpstr (facts->minute_text, ==, "Ada Testwell reported the school’s concerns.");
  g_assert_cmpint (facts->row_version, ==, version + 1);
  version = facts->row_version;
  g_clear_pointer (&facts, rmm_item_facts_free);

  /* The minute-taker's other window saves: shown here, nothing typed being lost. */
  version = rmm_store_set_minute_text (f->store, item_id, "From the other window.", version,
                                       NULL);
  g_assert_cmpint (version, >, 0);
  rmm_minutes_editor_update (editor, "From the other window.", version);
  assert_buffer (buffer, "From the other window.");

  /* Typed here while the other window saved again: the text typed stays until the writer
   * chooses; "Use Theirs" takes the other window's. */
  gtk_text_buffer_set_text (buffer, "Typed here, not yet saved.", -1);
  version = rmm_store_set_minute_text (f->store, item_id, "Saved there first.", version, NULL);
  g_assert_cmpint (version, >, 0);
  rmm_minutes_editor_update (editor, "Saved there first.", version);
  assert_buffer (buffer, "Typed here, not yet saved.");
  rmm_minutes_editor_save (editor);
  answer_dialog ("theirs");
  assert_buffer (buffer, "Saved there first.");

  /* "Keep Mine" saves over theirs, knowingly. */
  gtk_text_buffer_set_text (buffer, "Mine, kept.", -1);
  g_assert_cmpint (rmm_store_set_minute_text (f->store, item_id, "Theirs again.", version,
                                              NULL), >, 0);
  rmm_minutes_editor_save (editor);
  answer_dialog ("mine");
  facts = rmm_store_get_item_facts (f->store, item_id, NULL);
  g_assert_cmpstr (facts->minute_text, ==, "Mine, kept.");
  version = facts->row_version;
  g_clear_pointer (&facts, rmm_item_facts_free);

  /* The chair moves on to another child while the question is up: "Keep Mine" still saves
   * what was typed, to the child it was typed for. */
  gtk_text_buffer_set_text (buffer, "Typed, then moved on.", -1);
  g_assert_cmpint (rmm_store_set_minute_text (f->store, item_id, "Theirs meanwhile.", version,
                                              NULL), >, 0);
  rmm_minutes_editor_show_item (editor, f->store, item_id + 1000000);
  answer_dialog ("mine");
  facts = rmm_store_get_item_facts (f->store, item_id, NULL);
  g_assert_cmpstr (facts->minute_text, ==, "Typed, then moved on.");

  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_finalize_object (window);
}

static gint64
count_notes (Fixture *f,
             gint64   child_id)
{
  g_autoptr(GPtrArray) notes = rmm_store_list_information_notes (f->store, child_id, NULL);

  g_assert_nonnull (notes);
  return notes->len;
}

/* A small form (RmmFormDialog): the child under its title, its rows in its group, Record
 * writes and closes it, a refusal keeps it open with what was typed. */
static void
test_form_dialog_records (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RmmAgendaItem) item = first_agenda_item (f);
  g_autofree char *subtitle = NULL;
  GtkWidget *dialog;
  GtkTextView *summary;
  gint64 child_id, before;

  child_id = rmm_agenda_item_get_child_id (item);
  before = count_notes (f, child_id);
  dialog = g_object_ref_sink (GTK_WIDGET (rmm_note_dialog_new (NULL, f->store, item)));
  gtk_window_present (GTK_WINDOW (dialog));
  drain_main_loop ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Information");
  subtitle = g_strdup_printf ("%s %s (%s)", rmm_agenda_item_get_first_name (item),
                              rmm_agenda_item_get_last_name (item),
                              rmm_agenda_item_get_child_reference (item));
  g_assert_nonnull (find_label (dialog, subtitle));

  /* Nothing typed: refused, and the form stays. */
  g_signal_emit_by_name (find_button (dialog, "Record"), "clicked");
  drain_main_loop ();
  g_assert_true (gtk_widget_get_visible (dialog));
  answer_dialog ("close");
  summary = find_text_view (dialog);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (summary),
                            "School reports Robin was collected by an unknown adult.", -1);
  g_signal_emit_by_name (find_button (dialog, "Record"), "clicked");
  drain_main_loop ();
  g_assert_cmpint (count_notes (f, child_id), ==, before + 1);
  g_assert_false (gtk_widget_get_visible (dialog));
  g_assert_finalize_object (dialog);
}

static void
collect_entry_rows (GtkWidget *widget,
                    GPtrArray *rows)
{
  if (ADW_IS_ENTRY_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_entry_rows (child, rows);
}

static void
count_call (guint *n)
{
  (*n)++;
}

/* An agenda item whose child has an agreed plan, with their network emptied. */
static RmmAgendaItem *
item_with_plan (Fixture *f)
{
  g_autoptr(GListModel) meetings = rmm_store_list_meetings (f->store, 0, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(RmmMeeting) meeting = g_list_model_get_item (meetings, i);
      g_autoptr(GListModel) agenda = rmm_store_list_agenda (f->store,
                                                            rmm_meeting_get_id (meeting), NULL);

      for (guint j = 0; j < g_list_model_get_n_items (agenda); j++)
        {
          g_autoptr(RmmAgendaItem) item = g_list_model_get_item (agenda, j);
          gint64 child_id = rmm_agenda_item_get_child_id (item);
          g_autoptr(RmmCirculation) circulation = rmm_store_plan_circulation (f->store, child_id,
                                                                             FALSE, NULL);
          g_autoptr(GPtrArray) network = NULL;

          if (circulation == NULL)
            continue;
          network = rmm_store_list_network (f->store, child_id, NULL);
          for (guint k = 0; k < network->len; k++)
            g_assert_true (rmm_store_remove_network_member (
                             f->store, ((RmmNetworkMember *)g_ptr_array_index (network, k))->id,
                             NULL));
          return g_steal_pointer (&item);
        }
    }
  g_assert_not_reached ();
}

static guint
count_copies (Fixture *f,
              gint64   child_id)
{
  g_autoptr(GPtrArray) records = rmm_store_list_circulation (f->store, child_id, 0, NULL);

  g_assert_nonnull (records);
  return records->len;
}

static void
send (GtkWidget *dialog)
{
  g_signal_emit_by_name (find_button (dialog, "Send"), "clicked");
  drain_main_loop ();
}

/* The network kept from the child's page, and the plan circulated: nothing goes while one
 * copy cannot, the dialog says which; a reason for an address outside the allowed domains
 * lets it go, and each email reaches the mail client with its copy. */
static void
test_circulate_dialog (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RmmAgendaItem) item = item_with_plan (f);
  gint64 child_id = rmm_agenda_item_get_child_id (item);
  g_autofree char *mail_log = g_build_filename (f->folder, "mail.log", NULL);
  g_autofree char *fake = g_build_filename (f->folder, "xdg-email", NULL);
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\necho \"$@\" >> '%s'\n", mail_log);
  g_autofree char *path = g_strdup_printf ("%s:%s", f->folder, g_getenv ("PATH"));
  g_autofree char *sent = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) network = NULL;
  GPtrArray *rows = g_ptr_array_new ();
  GtkWidget *dialog;
  guint copies = count_copies (f, child_id);

  /* No one in the network: nothing to circulate, and no dialog. */
  g_assert_null (rmm_circulate_dialog_new (NULL, f->store, item, FALSE, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A professional added as the dialog offers: the first agency's first, with their
   * address as the installation keeps it. */
  dialog = g_object_ref_sink (GTK_WIDGET (rmm_network_dialog_new (NULL, f->store, item)));
  gtk_window_present (GTK_WINDOW (dialog));
  drain_main_loop ();
  g_signal_emit_by_name (find_button (dialog, "Add"), "clicked");
  drain_main_loop ();
  g_assert_false (gtk_widget_get_visible (dialog));
  g_assert_finalize_object (dialog);
  network = rmm_store_list_network (f->store, child_id, NULL);
  g_assert_cmpuint (network->len, ==, 1);
  g_assert_cmpstr (((RmmNetworkMember *)g_ptr_array_index (network, 0))->role, ==,
                   "lead-professional");
  g_assert_cmpstr (((RmmNetworkMember *)g_ptr_array_index (network, 0))->email, !=, "");
  /* The family's contact, at an address outside the allowed domains. */
  g_assert_cmpint (rmm_store_add_network_member (f->store, &(RmmNetworkMemberInput) {
                     .child_id = child_id, .role = "family", .name = "Dana Example",
                     .email = "dana@home.example" }, NULL), >, 0);

  g_assert_true (g_file_set_contents (fake, script, -1, NULL));
  g_assert_cmpint (g_chmod (fake, 0700), ==, 0);
  g_setenv ("PATH", path, TRUE);
  dialog = GTK_WIDGET (rmm_circulate_dialog_new (NULL, f->store, item, FALSE, &error));
  g_assert_no_error (error);
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  drain_main_loop ();
  g_assert_nonnull (find_label (dialog, "1 copy cannot go (see why under it): none goes, "
                                        "unless “Send the others” is on."));
  g_assert_nonnull (find_label (dialog, "Safety plan (family). Cannot go: outside the allowed "
                                        "domains: give a reason to send it all the same"));
  /* Send: refused, nothing recorded, the dialog stays. */
  send (dialog);
  g_assert_true (gtk_widget_get_visible (dialog));
  answer_dialog ("close");
  g_assert_cmpuint (count_copies (f, child_id), ==, copies);
  g_assert_false (g_file_test (mail_log, G_FILE_TEST_EXISTS));

  /* The reason given: both go, both recorded, two emails. */
  collect_entry_rows (dialog, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_false (gtk_widget_get_visible (g_ptr_array_index (rows, 0)));
  g_assert_true (gtk_widget_get_visible (g_ptr_array_index (rows, 1)));
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 1)),
                         "The family asked for their copy by email.");
  drain_main_loop ();
  g_assert_nonnull (find_label (dialog, "All 2 copies can go. Send writes them, records them, "
                                        "and opens each email in the mail client with the "
                                        "PDF attached."));
  send (dialog);
  g_assert_false (gtk_widget_get_visible (dialog));
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (count_copies (f, child_id), ==, copies + 2);
  g_assert_true (g_file_get_contents (mail_log, &sent, NULL, NULL));
  g_assert_nonnull (strstr (sent, "-professional.pdf"));
  g_assert_nonnull (strstr (sent, "-family.pdf dana@home.example"));
  g_ptr_array_unref (rows);
}

/* The minutes: offered once signed off, to everyone invited, each copy checked; a planned
 * meeting's are not circulated. */
static void
test_circulate_minutes_dialog (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GListModel) meetings = rmm_store_list_meetings (f->store, 0, NULL);
  g_autoptr(RmmMeeting) planned = g_list_model_get_item (meetings, 0);
  g_autoptr(RmmMeeting) held = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_assert_null (rmm_circulate_dialog_new_for_minutes (NULL, f->store, planned, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_INVALID);
  g_clear_error (&error);
  for (guint i = 0; i < g_list_model_get_n_items (meetings) && held == NULL; i++)
    {
      g_autoptr(RmmMeeting) meeting = g_list_model_get_item (meetings, i);

      if (rmm_meeting_get_state (meeting) == RMM_MEETING_STATUS_SIGNED_OFF)
        held = g_steal_pointer (&meeting);
    }
  g_assert_nonnull (held);
  dialog = GTK_WIDGET (rmm_circulate_dialog_new_for_minutes (NULL, f->store, held, &error));
  g_assert_no_error (error);
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  drain_main_loop ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Circulate the Minutes");
  g_assert_nonnull (find_button (dialog, "Send"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain_main_loop ();
  g_assert_finalize_object (dialog);
}

/* The CSE list: to everyone on its distribution, each email with the day's list attached,
 * each copy recorded with its day; with no one on it, nothing to circulate. */
static void
test_circulate_cse_list_dialog (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *mail_log = g_build_filename (f->folder, "mail.log", NULL);
  g_autofree char *fake = g_build_filename (f->folder, "xdg-email", NULL);
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\necho \"$@\" >> '%s'\n", mail_log);
  g_autofree char *path = g_strdup_printf ("%s:%s", f->folder, g_getenv ("PATH"));
  g_autofree char *attachment = NULL;
  g_autofree char *sent = NULL;
  g_autoptr(GPtrArray) distribution = rmm_store_list_cse_distribution (f->store, NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  GDate day;

  g_assert_true (g_file_set_contents (fake, script, -1, NULL));
  g_assert_cmpint (g_chmod (fake, 0755), ==, 0);
  g_setenv ("PATH", path, TRUE);
  rmm_date_set_today (&day);
  attachment = g_strdup_printf ("cse-list-%04u-%02u-%02u.pdf", g_date_get_year (&day),
                                g_date_get_month (&day), g_date_get_day (&day));
  g_assert_cmpuint (distribution->len, >, 0);
  dialog = GTK_WIDGET (rmm_circulate_dialog_new_for_cse_list (NULL, f->store, &day, &error));
  g_assert_no_error (error);
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  drain_main_loop ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Circulate the CSE List");
  for (guint i = 0; i < distribution->len; i++)
    g_assert_nonnull (find_label (dialog, ((RmmNetworkMember *)
                                           g_ptr_array_index (distribution, i))->name));
  send (dialog);
  g_assert_false (gtk_widget_get_visible (dialog));
  g_assert_finalize_object (dialog);
  g_assert_true (g_file_get_contents (mail_log, &sent, NULL, NULL));
  g_assert_nonnull (strstr (sent, attachment));
  records = rmm_store_list_circulation (f->store, 0, 0, NULL);
  {
    guint copies = 0;

    for (guint i = 0; i < records->len; i++)
      copies += g_str_equal (((RmmCirculationRecord *)g_ptr_array_index (records, i))->document,
                             "cse-list");
    g_assert_cmpuint (copies, ==, distribution->len);
  }

  /* No one on the distribution: nothing to circulate, and no dialog. */
  for (guint i = 0; i < distribution->len; i++)
    g_assert_true (rmm_store_remove_from_cse_distribution (
                     f->store, ((RmmNetworkMember *)g_ptr_array_index (distribution, i))->id,
                     NULL));
  g_assert_null (rmm_circulate_dialog_new_for_cse_list (NULL, f->store, &day, &error));
  g_assert_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND);
}

static gboolean
is_combo_row (GtkWidget  *widget,
              const char *title)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* Who the CSE list goes to, kept in Preferences: someone added by agency and name, shown
 * with their agency and address, taken off again by their button. */
static void
test_preferences_distribution (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = g_object_ref_sink (GTK_WIDGET (rmm_preferences_window_new (NULL, settings,
                                                                               f->store)));
  g_autoptr(GPtrArray) before = rmm_store_list_cse_distribution (f->store, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *remove_label = NULL;
  const RmmNetworkMember *added = NULL;
  AdwComboRow *agency;

  gtk_window_present (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_nonnull (find_label (window, "CSE List Distribution"));
  for (guint i = 0; i < before->len; i++)
    g_assert_nonnull (find_label (window, ((RmmNetworkMember *)
                                           g_ptr_array_index (before, i))->name));
  /* The last agency's first professional: not one the demo put on the list. */
  agency = ADW_COMBO_ROW (find_widget (window, is_combo_row, "Agency"));
  g_assert_nonnull (agency);
  adw_combo_row_set_selected (agency, g_list_model_get_n_items (
                                        adw_combo_row_get_model (agency)) - 1);
  drain_main_loop ();
  g_signal_emit_by_name (find_button (window, "_Add"), "clicked");
  drain_main_loop ();
  after = rmm_store_list_cse_distribution (f->store, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  for (guint i = 0; i < after->len && added == NULL; i++)
    {
      const RmmNetworkMember *member = g_ptr_array_index (after, i);
      gboolean known = FALSE;

      for (guint j = 0; j < before->len; j++)
        known |= ((RmmNetworkMember *)g_ptr_array_index (before, j))->id == member->id;
      if (!known)
        added = member;
    }
  g_assert_nonnull (added);
  g_assert_nonnull (find_label (window, added->name));

  /* The same one again: said, nothing changed. */
  g_signal_emit_by_name (find_button (window, "_Add"), "clicked");
  drain_main_loop ();
  answer_dialog ("close");
  again = rmm_store_list_cse_distribution (f->store, NULL);
  g_assert_cmpuint (again->len, ==, after->len);

  remove_label = g_strdup_printf ("Stop sending the list to %s", added->name);
  g_signal_emit_by_name (find_widget (window, is_remove_button, remove_label), "clicked");
  drain_main_loop ();
  g_clear_pointer (&again, g_ptr_array_unref);
  again = rmm_store_list_cse_distribution (f->store, NULL);
  g_assert_cmpuint (again->len, ==, before->len);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_finalize_object (window);
}

/* The allowed domains, kept in Preferences: added, refused when malformed, taken out. */
static void
test_preferences_domains (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = g_object_ref_sink (GTK_WIDGET (rmm_preferences_window_new (NULL, settings,
                                                                               f->store)));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_auto(GStrv) domains = NULL;
  AdwEntryRow *add_row = NULL;

  gtk_window_present (GTK_WINDOW (window));
  drain_main_loop ();
  collect_entry_rows (window, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (g_ptr_array_index (rows, i)),
                     "Allow a domain"))
      add_row = g_ptr_array_index (rows, i);
  g_assert_nonnull (add_row);
  gtk_editable_set_text (GTK_EDITABLE (add_row), "health.example");
  g_signal_emit_by_name (add_row, "apply");
  drain_main_loop ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
  g_assert_nonnull (find_label (window, "health.example"));
  domains = rmm_store_list_allowed_domains (f->store, NULL);
  g_assert_true (g_strv_contains ((const char * const *)domains, "health.example"));

  /* Not a domain: said, kept to correct, nothing changed. */
  gtk_editable_set_text (GTK_EDITABLE (add_row), "not a domain");
  g_signal_emit_by_name (add_row, "apply");
  drain_main_loop ();
  answer_dialog ("close");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "not a domain");

  /* Taken out by its button. */
  g_signal_emit_by_name (find_widget (window, is_remove_button, "Stop allowing health.example"),
                         "clicked");
  drain_main_loop ();
  g_clear_pointer (&domains, g_strfreev);
  domains = rmm_store_list_allowed_domains (f->store, NULL);
  g_assert_false (g_strv_contains ((const char * const *)domains, "health.example"));
  g_assert_null (find_label (window, "health.example"));
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_finalize_object (window);
}

/* The concern not referred is a form too: Save (or Ctrl+S, the same action) refuses a
 * reference no child has, and keeps what was typed; then it saves, says so, and closes. */
static void
test_concern_dialog_saves (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *dialog = g_object_ref_sink (GTK_WIDGET (rmm_concern_dialog_new (NULL, f->store)));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n_saved = 0;

  g_signal_connect_swapped (dialog, "saved", G_CALLBACK (count_call), &n_saved);
  gtk_window_present (GTK_WINDOW (dialog));
  drain_main_loop ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Concern Not Referred");
  g_assert_nonnull (find_button (dialog, "Save"));
  collect_entry_rows (dialog, rows);
  /* Recorded by, the reference, the concern, the reasons. */
  g_assert_cmpuint (rows->len, ==, 4);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 1)), "NO-SUCH-CHILD");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 2)),
                         "Seen with older youths near the station after school.");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 3)),
                         "Already known to the school's safeguarding lead.");
  gtk_widget_activate_action (dialog, "form.record", NULL);
  drain_main_loop ();
  g_assert_cmpuint (n_saved, ==, 0);
  g_assert_true (gtk_widget_get_visible (dialog));
  answer_dialog ("close");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (rows, 2))), ==,
                   "Seen with older youths near the station after school.");

  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 1)), "");
  g_signal_emit_by_name (find_button (dialog, "Save"), "clicked");
  drain_main_loop ();
  g_assert_cmpuint (n_saved, ==, 1);
  g_assert_false (gtk_widget_get_visible (dialog));
  g_ptr_array_set_size (rows, 0);
  g_assert_finalize_object (dialog);
}

/* Closing a half-filled form asks first; Keep Editing keeps it, Discard closes it, and the
 * question, transient for the form, lets go of it cleanly (it was a use after free, a
 * critical that the tests' G_DEBUG makes fatal). */
static void
test_form_dialog_discard (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RmmAgendaItem) item = first_agenda_item (f);
  /* Held by nothing but GTK's list of windows, as in the app: destroyed means finalized. */
  GtkWidget *dialog = GTK_WIDGET (rmm_note_dialog_new (NULL, f->store, item));
  GtkTextView *summary;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  drain_main_loop ();
  summary = find_text_view (dialog);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (summary), "Half written", -1);

  /* Escape twice: one question, not two stacked. */
  gtk_window_close (GTK_WINDOW (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  drain_main_loop ();
  g_assert_cmpuint (count_message_dialogs (), ==, 1);
  answer_dialog ("keep");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (dialog));

  gtk_window_close (GTK_WINDOW (dialog));
  drain_main_loop ();
  answer_dialog ("discard");
  drain_main_loop ();
  g_assert_null (dialog);
}

static gboolean
is_toggle (GtkWidget  *widget,
           const char *text)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
}

/* "Open Today" on a meeting of another day: the meeting opens and the form closes under the
 * question that asked, which lets go of it cleanly. */
static void
test_open_meeting_another_day (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GListModel) meetings = rmm_store_list_meetings (f->store, 0, NULL);
  g_autoptr(RmmMeeting) planned = g_list_model_get_item (meetings, 0);
  g_autoptr(RmmMeeting) opened = NULL;
  GtkWidget *dialog = GTK_WIDGET (rmm_open_meeting_dialog_new (NULL, f->store, planned));

  g_assert_cmpint (rmm_meeting_get_state (planned), ==, RMM_MEETING_STATUS_PLANNED);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  drain_main_loop ();
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_widget (dialog, is_toggle, "Read Out")),
                                TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_widget (dialog, is_toggle, "Present")),
                                TRUE);
  g_assert_true (gtk_widget_activate_action (dialog, "open-meeting.open", NULL));
  drain_main_loop ();
  answer_dialog ("open");
  drain_main_loop ();
  g_assert_null (dialog);
  opened = rmm_store_get_meeting (f->store, rmm_meeting_get_id (planned), NULL);
  g_assert_cmpint (rmm_meeting_get_state (opened), ==, RMM_MEETING_STATUS_OPEN);
}

/* The move dialog (a form too): a refused date keeps it open under its own heading; a time
 * as people type it moves the meeting and closes it. */
static void
test_move_dialog (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GListModel) meetings = rmm_store_list_meetings (f->store, 0, NULL);
  g_autoptr(RmmMeeting) planned = g_list_model_get_item (meetings, 0);
  g_autoptr(RmmMeeting) moved = NULL;
  GtkWidget *dialog;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget **entries;

  g_assert_cmpint (rmm_meeting_get_state (planned), ==, RMM_MEETING_STATUS_PLANNED);
  dialog = g_object_ref_sink (GTK_WIDGET (rmm_move_dialog_new (NULL, f->store, planned)));
  gtk_window_present (GTK_WINDOW (dialog));
  drain_main_loop ();
  g_assert_nonnull (find_button (dialog, "Move"));
  /* The date, time and place rows, in order. */
  collect_entry_rows (dialog, rows);
  g_assert_cmpuint (rows->len, ==, 3);
  entries = (GtkWidget **)rows->pdata;
  g_assert_true (RMM_IS_DATE_ROW (entries[0]));

  gtk_editable_set_text (GTK_EDITABLE (entries[0]), "30/02/2027");
  g_signal_emit_by_name (find_button (dialog, "Move"), "clicked");
  drain_main_loop ();
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    gboolean said = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (window))
          said = g_str_equal (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)),
                              "The Meeting Was Not Moved");
      }
    g_assert_true (said);
  }
  answer_dialog ("close");
  g_assert_true (gtk_widget_get_visible (dialog));

  rmm_date_row_set_date (RMM_DATE_ROW (entries[0]), rmm_meeting_get_meets_on (planned));
  gtk_editable_set_text (GTK_EDITABLE (entries[1]), "9.30");
  g_signal_emit_by_name (find_button (dialog, "Move"), "clicked");
  drain_main_loop ();
  g_assert_false (gtk_widget_get_visible (dialog));
  g_assert_finalize_object (dialog);
  moved = rmm_store_get_meeting (f->store, rmm_meeting_get_id (planned), NULL);
  g_assert_cmpstr (rmm_meeting_get_starts_at (moved), ==, "09:30");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* The session the projector follows: a child opened turns the clock to them; another
 * meeting chosen is announced, whether or not a child was on show, and takes the room back
 * to the agenda. */
static void
test_meeting_session (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GListModel) meetings = rmm_store_list_meetings (f->store, 0, NULL);
  g_autoptr(RmmMeeting) first = g_list_model_get_item (meetings, 0);
  g_autoptr(RmmMeeting) second = g_list_model_get_item (meetings, 1);
  g_autoptr(RmmMeetingSession) session = rmm_meeting_session_new ();
  g_autoptr(RmmAgendaItem) item = first_agenda_item (f);
  guint meeting_changes = 0, item_changes = 0;

  g_signal_connect (session, "notify::meeting", G_CALLBACK (count_notify), &meeting_changes);
  g_signal_connect (session, "notify::item", G_CALLBACK (count_notify), &item_changes);

  rmm_meeting_session_set_meeting (session, first);
  g_assert_cmpuint (meeting_changes, ==, 1);
  /* The same meeting read again is no change. */
  rmm_meeting_session_set_meeting (session, first);
  g_assert_cmpuint (meeting_changes, ==, 1);

  rmm_meeting_session_set_item (session, item);
  g_assert_cmpuint (item_changes, ==, 1);
  g_assert_cmpint (rmm_item_clock_get_item (rmm_meeting_session_get_clock (session)), ==,
                   rmm_agenda_item_get_id (item));

  rmm_meeting_session_set_meeting (session, second);
  g_assert_cmpuint (meeting_changes, ==, 2);
  g_assert_cmpuint (item_changes, ==, 2);
  g_assert_null (rmm_meeting_session_get_item (session));
  g_assert_cmpint (rmm_item_clock_get_item (rmm_meeting_session_get_clock (session)), ==, 0);
}

/* The meeting view steps through the agenda's children and back to the agenda. */
static void
test_meeting_view (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GListModel) meetings = rmm_store_list_meetings (f->store, 0, NULL);
  g_autoptr(RmmMeeting) meeting = NULL;
  GtkWidget *window = gtk_window_new ();
  RmmMeetingView *view = g_object_new (RMM_TYPE_MEETING_VIEW, NULL);

  for (guint i = 0; meeting == NULL && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(RmmMeeting) candidate = g_list_model_get_item (meetings, i);

      if (rmm_meeting_get_n_children (candidate) > 1)
        meeting = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (meeting);

  g_object_ref_sink (window);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  rmm_meeting_view_set_store (view, f->store, NULL);
  rmm_meeting_view_show_meeting (view, meeting, "surrey-3-level");
  gtk_window_present (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_false (rmm_meeting_view_get_item_shown (view));
  rmm_meeting_view_step_item (view, 1);
  drain_main_loop ();
  g_assert_true (rmm_meeting_view_get_item_shown (view));
  /* The child's keys work once the view is the one on show (the window says so); Ctrl+M
   * (focus the minutes) among them, for a held meeting too. */
  rmm_meeting_view_set_active (view, TRUE);
  g_assert_true (g_action_group_get_action_enabled (rmm_meeting_view_get_item_actions (view),
                                                    "focus-minutes"));
  rmm_meeting_view_step_item (view, 1);
  rmm_meeting_view_show_meeting (view, meeting, "surrey-3-level");   /* as a reload does */
  drain_main_loop ();
  g_assert_true (rmm_meeting_view_show_agenda (view));
  g_assert_false (rmm_meeting_view_show_agenda (view));
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_finalize_object (window);
}

/* A button of the decisions panel that asks for a decision of kind @kind. */
static gboolean
decides (GtkWidget  *widget,
         const char *kind)
{
  GVariant *target = GTK_IS_ACTIONABLE (widget)
    ? gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)) : NULL;

  return target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING) &&
         g_str_equal (g_variant_get_string (target, NULL), kind);
}

static void
count_decide (RmmDecisionsPanel *panel,
              RmmDecisionKind    kind,
              int               *decided)
{
  *decided = kind;
}

/* The decisions panel says where the rating stands and asks for a decision only when the
 * page offers one: its buttons follow can-decide, and a click says which kind. */
static void
test_decisions_panel (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RmmAgendaItem) item = first_agenda_item (f);
  g_autoptr(RmmMeeting) meeting = rmm_store_get_meeting (f->store,
                                                         rmm_agenda_item_get_meeting_id (item),
                                                         NULL);
  g_autoptr(RmmItemFacts) facts = rmm_store_get_item_facts (f->store,
                                                            rmm_agenda_item_get_id (item), NULL);
  GtkWidget *window = gtk_window_new ();
  RmmDecisionsPanel *panel = g_object_new (RMM_TYPE_DECISIONS_PANEL, "store", f->store,
                                           "meeting", meeting, "framework-id",
                                           "surrey-3-level", NULL);
  GtkWidget *rating, *closure;
  int decided = -1;

  g_assert_nonnull (facts);
  g_object_ref_sink (window);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (panel));
  g_signal_connect (panel, "decide", G_CALLBACK (count_decide), &decided);
  g_object_set (panel, "facts", facts, NULL);
  rating = find_widget (GTK_WIDGET (panel), decides, "risk-rating");
  closure = find_widget (GTK_WIDGET (panel), decides, "closure");
  g_assert_nonnull (rating);
  g_assert_nonnull (closure);
  /* Where the rating stands: a decision to make, or one made to look at. */
  g_assert_true (is_button (rating, "Confirm…") || is_button (rating, "View…"));

  /* Not offered: nothing happens, and the button says so. */
  g_signal_emit_by_name (rating, "clicked");
  g_assert_cmpint (decided, ==, -1);
  g_assert_false (gtk_widget_is_sensitive (rating));

  g_object_set (panel, "can-decide", TRUE, NULL);
  g_assert_true (gtk_widget_is_sensitive (rating));
  g_signal_emit_by_name (rating, "clicked");
  g_assert_cmpint (decided, ==, RMM_DECISION_KIND_RISK_RATING);
  g_signal_emit_by_name (closure, "clicked");
  g_assert_cmpint (decided, ==, RMM_DECISION_KIND_CLOSURE);

  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_finalize_object (window);
}

/* The preview renders in the background, then shows every page; zoom and thumbnails work. */
static void
test_preview_window (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RmmPdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  RmmDocumentOptions options = { NULL, FALSE };
  RmmPreviewWindow *window;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 23, 11, 2026);
  document = rmm_cse_list_document_new (f->store, &day, &options, &error);
  g_assert_no_error (error);
  window = rmm_preview_window_new (NULL, document, "cse-list.pdf");
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  while (rmm_preview_window_get_n_pages (window) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (rmm_preview_window_get_n_pages (window), ==,
                    rmm_pdf_document_get_n_pages (document));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "preview.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "preview.toggle-sidebar",
                                             NULL));
  drain_main_loop ();
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_finalize_object (window);
}

/* The projector follows a meeting and a child, blanks, reveals, and goes away cleanly. */
static void
test_projector_window (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GListModel) meetings = rmm_store_list_meetings (f->store, 0, NULL);
  g_autoptr(RmmMeeting) meeting = NULL;
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(RmmAgendaItem) item = NULL;
  RmmProjectorWindow *window = rmm_projector_window_new (f->store);

  for (guint i = 0; meeting == NULL && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(RmmMeeting) candidate = g_list_model_get_item (meetings, i);

      if (rmm_meeting_get_n_children (candidate) > 0)
        meeting = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (meeting);
  agenda = rmm_store_list_agenda (f->store, rmm_meeting_get_id (meeting), NULL);
  item = g_list_model_get_item (agenda, 0);

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  rmm_projector_window_follow (window, meeting, NULL);
  drain_main_loop ();
  rmm_projector_window_follow (window, meeting, item);
  rmm_projector_window_set_revealed (window, TRUE);
  g_assert_true (rmm_projector_window_get_revealed (window));
  rmm_projector_window_set_blank (window, TRUE);
  g_assert_true (rmm_projector_window_get_blank (window));
  rmm_projector_window_set_blank (window, FALSE);
  rmm_projector_window_follow (window, meeting, NULL);
  /* Another child, or the agenda, hides the name again. */
  g_assert_false (rmm_projector_window_get_revealed (window));
  rmm_projector_window_reload (window);
  drain_main_loop ();
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_finalize_object (window);
}

static void
test_triggers_view (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  RmmTriggersView *view = g_object_new (RMM_TYPE_TRIGGERS_VIEW, NULL);

  g_object_ref_sink (window);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  rmm_triggers_view_load (view, f->store);
  gtk_window_present (GTK_WINDOW (window));
  drain_main_loop ();
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_finalize_object (window);
}

static gboolean
is_chart (GtkWidget  *widget,
          const char *text)
{
  return GTK_IS_DRAWING_AREA (widget) &&
         gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_IMG;
}

static gboolean
is_expander_row (GtkWidget  *widget,
                 const char *text)
{
  return ADW_IS_EXPANDER_ROW (widget);
}

static gboolean
is_entry (GtkWidget  *widget,
          const char *placeholder)
{
  return GTK_IS_ENTRY (widget) &&
         g_str_has_prefix (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), placeholder);
}

/* A drop-down whose first choice is @first. */
static gboolean
is_drop_down (GtkWidget  *widget,
              const char *first)
{
  GListModel *model;

  if (!GTK_IS_DROP_DOWN (widget) ||
      !GTK_IS_STRING_LIST (model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget))))
    return FALSE;
  return g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), first) == 0;
}

static gboolean
is_numeric (GtkWidget  *widget,
            const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric");
}

static const char *
first_label_with (GtkWidget  *root,
                  const char *part)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found;

      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), part))
        return gtk_label_get_text (GTK_LABEL (child));
      if ((found = first_label_with (child, part)) != NULL)
        return found;
    }
  return NULL;
}

/* The figure a row of the view shows for @title. */
static const char *
figure_shown (GtkWidget  *view,
              const char *title)
{
  GtkWidget *row = gtk_widget_get_ancestor (find_label (view, title), ADW_TYPE_ACTION_ROW);
  GtkWidget *label = row ? find_widget (row, is_numeric, NULL) : NULL;

  return label ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* The figure rows under @widget, appended to @text as "title value", "; " between. */
static void
read_figure_rows (GtkWidget *widget,
                  GString   *text,
                  guint     *n)
{
  GtkWidget *value;

  if (ADW_IS_ACTION_ROW (widget) && (value = find_widget (widget, is_numeric, NULL)) != NULL)
    {
      g_string_append_printf (text, "%s%s %s", (*n)++ ? "; " : "",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                              gtk_label_get_text (GTK_LABEL (value)));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    read_figure_rows (child, text, n);
}

/* What the rows unfolded under @expander say, as a chart describes its figures: "Referrals
 * by agency: Police 12; Schools 7." */
static char *
expander_rows_read (GtkWidget *expander)
{
  GString *text = g_string_new (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)));
  guint n = 0;

  g_string_append (text, ": ");
  read_figure_rows (expander, text, &n);
  if (n == 0)
    g_string_append (text, "none in the period");
  g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

/* The chart described as @subtitle's figures. */
static gboolean
is_chart_of (GtkWidget  *widget,
             const char *subtitle)
{
  const char *tooltip;

  return is_chart (widget, NULL) && (tooltip = gtk_widget_get_tooltip_text (widget)) &&
         g_str_has_prefix (tooltip, subtitle) && tooltip[strlen (subtitle)] == ':';
}

/* The Oversight view: charts drawn as images for a screen reader; the period moves back;
 * a custom period that is not one is said and changes nothing; one area's figures. */
static void
test_oversight_view (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = g_object_new (RMM_TYPE_OVERSIGHT_VIEW, NULL);
  g_autofree char *before = NULL;
  GtkWidget *from, *to;
  GtkDropDown *kind, *area;

  g_object_ref_sink (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), view);
  rmm_oversight_view_load (RMM_OVERSIGHT_VIEW (view), f->store);
  gtk_window_present (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_nonnull (find_widget (view, is_chart, NULL));
  g_assert_nonnull (find_label (view, "Referrals received"));
  before = g_strdup (first_label_with (view, " to "));
  g_assert_nonnull (before);

  g_assert_true (gtk_widget_activate_action (view, "oversight.previous", NULL));
  drain_main_loop ();
  g_assert_cmpstr (first_label_with (view, " to "), !=, before);

  /* A chart's figures, folded under it, are there in rows once unfolded. */
  {
    GtkWidget *expander = find_widget (view, is_expander_row, NULL);
    GtkWidget *first_row;

    g_assert_nonnull (expander);
    g_assert_null (find_widget (expander, is_numeric, NULL));
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
    drain_main_loop ();
    g_assert_nonnull (first_row = find_widget (expander, is_numeric, NULL));
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), FALSE);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
    drain_main_loop ();
    g_assert_true (find_widget (expander, is_numeric, NULL) == first_row);
  }

  /* Another period: what was unfolded stays unfolded, and its rows and the chart above them
   * say the new period's figures, not the last one's. */
  {
    GtkWidget *expander = find_widget (view, is_expander_row, NULL);
    const char *subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander));
    GtkWidget *chart = find_widget (view, is_chart_of, subtitle);
    g_autofree char *rows_before = expander_rows_read (expander);
    g_autofree char *chart_before = g_strdup (gtk_widget_get_tooltip_text (chart));
    g_autofree char *rows_after = NULL;

    g_assert_cmpstr (rows_before, ==, chart_before);
    g_assert_true (gtk_widget_activate_action (view, "oversight.previous", NULL));
    drain_main_loop ();
    expander = find_widget (view, is_expander_row, NULL);
    chart = find_widget (view, is_chart_of, subtitle);
    g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
    rows_after = expander_rows_read (expander);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (chart), !=, chart_before);
    g_assert_cmpstr (rows_after, ==, gtk_widget_get_tooltip_text (chart));
    g_assert_true (gtk_widget_activate_action (view, "oversight.next", NULL));
    drain_main_loop ();
  }

  /* Custom: a period that is not one is said, and the figures stay. */
  kind = GTK_DROP_DOWN (find_widget (view, is_drop_down, "Month"));
  gtk_drop_down_set_selected (kind, 3);
  drain_main_loop ();
  from = find_widget (view, is_entry, "From");
  to = find_widget (view, is_entry, "To");
  g_assert_true (gtk_widget_get_visible (from));
  gtk_editable_set_text (GTK_EDITABLE (from), "31 Feb 2026");
  g_signal_emit_by_name (from, "activate");
  drain_main_loop ();
  g_assert_nonnull (first_label_with (view, "Give the period as two dates"));
  g_assert_nonnull (find_widget (view, is_chart, NULL));
  gtk_editable_set_text (GTK_EDITABLE (from), "1 Jan 2026");
  gtk_editable_set_text (GTK_EDITABLE (to), "1 Dec 2025");
  g_signal_emit_by_name (to, "activate");
  drain_main_loop ();
  g_assert_nonnull (first_label_with (view, "ends before it begins"));
  gtk_editable_set_text (GTK_EDITABLE (to), "30 Jun 2099");
  g_signal_emit_by_name (to, "activate");
  drain_main_loop ();
  g_assert_nonnull (first_label_with (view, "ends after today"));
  gtk_editable_set_text (GTK_EDITABLE (to), "30 Jun 2026");
  g_signal_emit_by_name (to, "activate");
  drain_main_loop ();
  g_assert_nonnull (first_label_with (view, "Counted from the record"));

  /* One area's figures. */
  area = GTK_DROP_DOWN (find_widget (view, is_drop_down, "All areas"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (area)), >, 1);
  gtk_drop_down_set_selected (area, 1);
  drain_main_loop ();
  g_assert_nonnull (find_label (view, "Referrals received"));

  /* Figures already read are shown again at once, but never once the record has changed. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) areas = rmm_store_list_areas (f->store, &error);
    g_autoptr(RmmArea) first = g_list_model_get_item (areas, 0);
    RmmChildInput child = {
      .reference = "T-CACHE", .first_name = "Cass", .last_name = "Testchild",
      .date_of_birth = "2012-02-02", .area_id = rmm_area_get_id (first),
    };
    RmmReferralInput referral = {
      .route = "single-point-of-access", .referrer_name = "Pat Teacher",
      .received_at = "2026-03-02T10:00:00Z", .concern_summary = "Seen with older males",
    };
    g_autofree char *shown = NULL;
    guint64 counted;

    gtk_drop_down_set_selected (area, 0);
    drain_main_loop ();
    shown = g_strdup (figure_shown (view, "Referrals received"));
    gtk_drop_down_set_selected (area, 1);
    drain_main_loop ();
    gtk_drop_down_set_selected (area, 0);
    drain_main_loop ();
    g_assert_cmpstr (figure_shown (view, "Referrals received"), ==, shown);
    referral.child_id = rmm_store_add_child (f->store, &child, &error);
    g_assert_no_error (error);
    g_assert_cmpint (rmm_store_add_referral (f->store, &referral, &error), >, 0);
    g_assert_no_error (error);
    gtk_drop_down_set_selected (area, 1);
    drain_main_loop ();
    gtk_drop_down_set_selected (area, 0);
    drain_main_loop ();
    g_assert_true (g_ascii_string_to_unsigned (shown, 10, 5, G_MAXUINT, &counted, NULL));
    g_assert_cmpuint (g_ascii_strtoull (figure_shown (view, "Referrals received"), NULL, 10),
                      ==, counted + 1);
  }

  /* Published for the board: asked first; cancelled, nothing kept; then kept once. */
  g_assert_true (gtk_widget_get_visible (find_widget (view, is_button, "Publish…")));
  g_assert_true (gtk_widget_activate_action (view, "oversight.publish", NULL));
  drain_main_loop ();
  g_assert_cmpuint (count_message_dialogs (), ==, 1);
  answer_dialog ("cancel");
  g_assert_cmpint (rmm_store_query_int (f->store, "SELECT count(*) FROM board_figures", 0,
                                        NULL), ==, 0);
  g_assert_true (gtk_widget_activate_action (view, "oversight.publish", NULL));
  drain_main_loop ();
  answer_dialog ("publish");
  g_assert_cmpint (rmm_store_query_int (f->store, "SELECT count(*) FROM board_figures", 0,
                                        NULL), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_finalize_object (window);
}

static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/rmmdesk/RmmDesk/rmm-shortcuts-window.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_present (GTK_WINDOW (overlay));
  drain_main_loop ();
  gtk_window_destroy (GTK_WINDOW (overlay));
  drain_main_loop ();
}

/* An accelerator as "keyval/modifiers", to compare however it was written. */
static char *
normalise_accel (const char *accel)
{
  GdkModifierType mods = 0;
  guint key = 0;

  g_assert_true (gtk_accelerator_parse (accel, &key, &mods) || g_str_equal (accel, "<Super>"));
  return g_strdup_printf ("%u/%u", gdk_keyval_to_lower (key), mods);
}

/* Every key of the application is listed in the shortcuts window, none twice, and none is
 * a key GTK or GNOME Shell takes first; what else the window lists belongs to one window
 * (a dialog, the preview, the projector) or is the toolkit's own. */
static void
test_shortcuts_table (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/rmmdesk/RmmDesk/rmm-shortcuts-window.ui");
  g_autoptr(GHashTable) ours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const char *local[] = {
    "Return", "Escape", "F10", "<Alt>1", "<Alt>2", "F9", "F11", "<Ctrl>s", "<Ctrl>p",
    "<Ctrl>plus", "<Ctrl>minus", "<Ctrl>0",
  };
  const char * const *reserved = rmm_shortcuts_get_reserved ();
  const RmmShortcut *shortcuts;
  GSList *objects;
  guint n;

  shortcuts = rmm_shortcuts_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      char *key = normalise_accel (shortcuts[i].accel);

      if (!g_hash_table_add (ours, key))
        g_error ("%s is the key of two actions", shortcuts[i].accel);
    }
  for (guint i = 0; reserved[i] != NULL; i++)
    {
      g_autofree char *key = normalise_accel (reserved[i]);

      if (g_hash_table_contains (ours, key))
        g_error ("%s is GTK's or GNOME Shell's", reserved[i]);
    }

  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accel = NULL;
      g_autofree char *key = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accel, NULL);
      key = normalise_accel (accel);
      g_hash_table_add (listed, g_strdup (key));
      if (!g_hash_table_contains (ours, key))
        {
          gboolean is_local = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (local); i++)
            is_local |= g_str_equal (local[i], accel);
          if (!is_local)
            g_error ("the shortcuts window lists %s, which no action has", accel);
        }
    }
  g_slist_free (objects);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = normalise_accel (shortcuts[i].accel);

      if (!g_hash_table_contains (listed, key))
        g_error ("%s (%s) is not in the shortcuts window", shortcuts[i].accel,
                 shortcuts[i].action);
    }
}

/* The room's clock: a child's time runs while they are on show, is kept when the room
 * moves on, and resumes on return; the chair's page and the projector read the same. */
static gboolean
is_menu_button (GtkWidget  *widget,
                const char *text)
{
  return GTK_IS_MENU_BUTTON (widget);
}

/* A day picked from the calendar beside a date field is written into it as it is typed, and
 * the calendar opens on the day typed. */
static void
test_date_row_calendar (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  RmmDateRow *row = RMM_DATE_ROW (rmm_date_row_new ("Held on"));
  GtkMenuButton *button;
  GtkCalendar *calendar;
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 3, 9, 12, 0, 0);
  g_autoptr(GDateTime) shown = NULL;
  g_autofree char *iso = NULL;

  g_object_ref_sink (window);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_present (GTK_WINDOW (window));
  drain_main_loop ();

  button = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (row), is_menu_button, NULL));
  g_assert_nonnull (button);
  calendar = GTK_CALENDAR (gtk_popover_get_child (gtk_menu_button_get_popover (button)));

  rmm_date_row_set_date (row, "2026-12-15");
  gtk_menu_button_popup (button);
  drain_main_loop ();
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 12);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 15);

  gtk_calendar_select_day (calendar, day);
  g_signal_emit_by_name (calendar, "day-selected");
  drain_main_loop ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "09/03/2026");
  g_assert_true (rmm_date_row_get_date (row, &iso, NULL));
  g_assert_cmpstr (iso, ==, "2026-03-09");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_finalize_object (window);
}

static void
test_item_clock (void)
{
  g_autoptr(RmmItemClock) clock = rmm_item_clock_new ();
  g_autofree char *fresh = NULL;
  g_autofree char *none = NULL;
  gboolean over = TRUE;

  g_assert_cmpint (rmm_item_clock_get_item (clock), ==, 0);
  rmm_item_clock_turn_to (clock, 7);
  g_assert_cmpint (rmm_item_clock_get_item (clock), ==, 7);
  fresh = rmm_item_clock_describe (clock, 7, 5, &over);
  g_assert_cmpstr (fresh, ==, "5:00 left");
  g_assert_false (over);
  rmm_item_clock_turn_to (clock, 9);
  rmm_item_clock_turn_to (clock, 0);
  g_assert_cmpint (rmm_item_clock_get_item (clock), ==, 0);
  g_assert_cmpint (rmm_item_clock_get_seconds (clock, 7), ==, 0);
  none = rmm_item_clock_describe (clock, 8, 0, &over);
  g_assert_cmpstr (none, ==, "0:00 left");
}

static void
test_about_and_message_dialogs (void)
{
  GtkWidget *about = adw_about_window_new ();
  GtkWidget *message = adw_message_dialog_new (NULL, "Could Not Open the Database", "Test");

  gtk_window_present (GTK_WINDOW (about));
  gtk_window_present (GTK_WINDOW (message));
  drain_main_loop ();
  gtk_window_destroy (GTK_WINDOW (about));
  gtk_window_destroy (GTK_WINDOW (message));
  drain_main_loop ();
}

/* A shared server's password is kept in the desktop's keyring for that address, database
 * and login alone, and never in the settings (gui-session runs an unlocked keyring). */
static void
test_server_password_in_keyring (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(RmmServerLogin) login = rmm_server_login_new ("rmm.testshire.example",
                                                          "county", "ada.chairwell");
  g_autoptr(RmmServerLogin) other = rmm_server_login_new ("rmm.testshire.example",
                                                          "county", "ben.cochair");
  g_autoptr(RmmServerLogin) back = NULL;
  g_autofree char *none = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  const char *secret = "Testshire-Pa55-\u00e9";

  if (!g_find_program_in_path ("gnome-keyring-daemon"))
    {
      g_test_skip ("no keyring daemon (build-aux/install-deps --test installs it)");
      return;
    }
  rmm_server_login_save (login, settings);
  rmm_server_login_store_password (login, secret);
  while (kept == NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      kept = rmm_server_login_lookup_password (login);
    }
  g_assert_cmpstr (kept, ==, secret);
  none = rmm_server_login_lookup_password (other);
  g_assert_null (none);

  back = rmm_server_login_from_settings (settings);
  g_assert_nonnull (back);
  g_free (kept);
  kept = rmm_server_login_lookup_password (back);
  g_assert_cmpstr (kept, ==, secret);
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_assert_null (strstr (text, "Pa55"));
    }
}

/* In Welsh (run again with LANGUAGE=cy, LC_ALL=cy_GB.UTF-8: the "widgets-welsh" test): the
 * sidebar, the oversight view's controls and the preferences read in Welsh, found by their
 * Welsh words, and no English word of them is left. Skipped in any other language. */
static void
test_welsh (Fixture       *f,
            gconstpointer  data)
{
  const char *words[] = { "Children", "Referrals", "Oversight", "Areas" };
  RmmWindow *window;

  if (!g_str_has_prefix (g_get_language_names ()[0], "cy"))
    {
      g_test_skip ("not in Welsh (LANGUAGE=cy)");
      return;
    }
  /* gtk_test_init () sets an English locale for every test; this one is the desktop's. */
  g_assert_nonnull (setlocale (LC_ALL, ""));
  window = rmm_window_new (NULL, f->store);
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  drain_main_loop ();
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      const char *welsh = g_dgettext (GETTEXT_PACKAGE, words[i]);

      g_assert_cmpstr (welsh, !=, words[i]);
      g_assert_nonnull (find_label (GTK_WIDGET (window), welsh));
      g_assert_null (find_label (GTK_WIDGET (window), words[i]));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
  g_assert_finalize_object (window);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  bindtextdomain (GETTEXT_PACKAGE, rmm_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add ("/ui/window/main", Fixture, NULL, fixture_set_up, test_main_window,
              fixture_tear_down);
  g_test_add ("/ui/window/welsh", Fixture, NULL, fixture_set_up, test_welsh,
              fixture_tear_down);
  g_test_add ("/ui/window/narrow", Fixture, NULL, fixture_set_up, test_main_window_narrow,
              fixture_tear_down);
  g_test_add ("/ui/window/two-windows-one-keeper", Fixture, NULL, fixture_set_up,
              test_two_windows_one_keeper, fixture_tear_down);
  g_test_add ("/ui/dialogs/import", Fixture, NULL, fixture_set_up, test_import_dialog,
              fixture_tear_down);
  g_test_add ("/ui/dialogs/forms", Fixture, NULL, fixture_set_up, test_forms,
              fixture_tear_down);
  g_test_add ("/ui/views/cse-list", Fixture, NULL, fixture_set_up, test_cse_list_view,
              fixture_tear_down);
  g_test_add ("/ui/dialogs/form-records", Fixture, NULL, fixture_set_up,
              test_form_dialog_records, fixture_tear_down);
  g_test_add ("/ui/dialogs/concern-saves", Fixture, NULL, fixture_set_up,
              test_concern_dialog_saves, fixture_tear_down);
  g_test_add ("/ui/dialogs/form-discard", Fixture, NULL, fixture_set_up,
              test_form_dialog_discard, fixture_tear_down);
  g_test_add ("/ui/dialogs/open-meeting-another-day", Fixture, NULL, fixture_set_up,
              test_open_meeting_another_day, fixture_tear_down);
  g_test_add ("/ui/dialogs/move", Fixture, NULL, fixture_set_up, test_move_dialog,
              fixture_tear_down);
  g_test_add ("/ui/views/meeting-session", Fixture, NULL, fixture_set_up, test_meeting_session,
              fixture_tear_down);
  g_test_add ("/ui/views/minutes-editor", Fixture, NULL, fixture_set_up, test_minutes_editor,
              fixture_tear_down);
  g_test_add ("/ui/views/meeting", Fixture, NULL, fixture_set_up, test_meeting_view,
              fixture_tear_down);
  g_test_add ("/ui/views/decisions-panel", Fixture, NULL, fixture_set_up,
              test_decisions_panel, fixture_tear_down);
  g_test_add ("/ui/views/triggers", Fixture, NULL, fixture_set_up, test_triggers_view,
              fixture_tear_down);
  g_test_add ("/ui/dialogs/circulate", Fixture, NULL, fixture_set_up, test_circulate_dialog,
              fixture_tear_down);
  g_test_add ("/ui/dialogs/circulate-minutes", Fixture, NULL, fixture_set_up,
              test_circulate_minutes_dialog, fixture_tear_down);
  g_test_add ("/ui/windows/preferences-domains", Fixture, NULL, fixture_set_up,
              test_preferences_domains, fixture_tear_down);
  g_test_add ("/ui/dialogs/circulate-cse-list", Fixture, NULL, fixture_set_up,
              test_circulate_cse_list_dialog, fixture_tear_down);
  g_test_add ("/ui/preferences/cse-distribution", Fixture, NULL, fixture_set_up,
              test_preferences_distribution, fixture_tear_down);
  g_test_add ("/ui/views/oversight", Fixture, NULL, fixture_set_up, test_oversight_view,
              fixture_tear_down);
  g_test_add ("/ui/windows/preview", Fixture, NULL, fixture_set_up, test_preview_window,
              fixture_tear_down);
  g_test_add ("/ui/windows/projector", Fixture, NULL, fixture_set_up, test_projector_window,
              fixture_tear_down);
  g_test_add_func ("/ui/window/shortcuts", test_shortcuts_window);
  g_test_add_func ("/ui/shortcuts/table", test_shortcuts_table);
  g_test_add_func ("/ui/clock/turns", test_item_clock);
  g_test_add_func ("/ui/widgets/date-row-calendar", test_date_row_calendar);
  g_test_add_func ("/ui/dialogs/about-and-message", test_about_and_message_dialogs);
  g_test_add_func ("/ui/server/password-in-keyring", test_server_password_in_keyring);
  return g_test_run ();
}
