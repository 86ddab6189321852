/* rmm-preview-window.c: a document as it will leave the room, before it does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF is rendered off the main thread, then shown with poppler: the pages, zoomed,
 * with thumbnails to jump between them (a plain side column, shown or hidden at once:
 * AdwFlap 1.2 sometimes allocated a negative width while animating). Save writes exactly the bytes shown; Print draws
 * the same document through GtkPrintOperation with the engine's own drawing code.
 *
 * Built as a module of its own (see rmm-preview.c), loaded when first needed.
 */
#define G_LOG_DOMAIN "rmm-preview-window"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <poppler.h>

#include "rmm-gui-utils.h"
#include "rmm-preview-window.h"

#define THUMBNAIL_WIDTH 120
#define MIN_ZOOM 0.5
#define MAX_ZOOM 3.0

struct _RmmPreviewWindow
{
  AdwWindow          parent_instance;

  RmmPdfDocument    *document;
  char              *file_name;     /* suggested when saving */
  GBytes            *bytes;         /* the PDF shown */
  PopplerDocument   *pdf;
  GPtrArray         *pages;         /* PopplerPage, for drawing */
  GPtrArray         *page_areas;    /* GtkDrawingArea, one a page */
  GtkFileChooserNative *chooser;
  double             zoom;

  AdwToastOverlay   *toasts;
  AdwWindowTitle    *title;
  GtkStack          *stack;
  AdwStatusPage     *error_page;
  GtkWidget         *sidebar;
  GtkListBox        *thumbnails;
  GtkScrolledWindow *scroller;
  GtkBox            *page_box;
  GtkButton         *zoom_button;
};

G_DEFINE_FINAL_TYPE (RmmPreviewWindow, rmm_preview_window, ADW_TYPE_WINDOW)

/* Drawing pages. */

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  PopplerPage *page = user_data;
  double page_width, page_height;

  poppler_page_get_size (page, &page_width, &page_height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, width / page_width, height / page_height);
  poppler_page_render (page, cr);
}

static void
size_page_area (RmmPreviewWindow *self,
                GtkDrawingArea   *area,
                PopplerPage      *page)
{
  double width, height;

  /* Points at 96 dpi: "100 %" is the page's size on a typical screen. */
  poppler_page_get_size (page, &width, &height);
  gtk_drawing_area_set_content_width (area, (int)(width * self->zoom * 96 / 72));
  gtk_drawing_area_set_content_height (area, (int)(height * self->zoom * 96 / 72));
}

static void
update_zoom (RmmPreviewWindow *self)
{
  g_autofree char *label = g_strdup_printf ("%.0f %%", self->zoom * 100);

  gtk_button_set_label (self->zoom_button, label);
  for (guint i = 0; i < self->page_areas->len; i++)
    size_page_area (self, g_ptr_array_index (self->page_areas, i),
                    g_ptr_array_index (self->pages, i));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in", self->zoom < MAX_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out", self->zoom > MIN_ZOOM);
}

static GtkWidget *
make_thumbnail (PopplerPage *page,
                guint        number,
                guint        n_pages)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *area = gtk_drawing_area_new ();
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), number, n_pages);
  g_autofree char *short_text = g_strdup_printf ("%u", number);
  GtkWidget *label = gtk_label_new (short_text);
  double width, height;

  poppler_page_get_size (page, &width, &height);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), THUMBNAIL_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area),
                                       (int)(THUMBNAIL_WIDTH * height / width));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page, g_object_ref (page),
                                  g_object_unref);
  gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (area, "page-thumbnail");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), area);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return box;
}

static void
show_pages (RmmPreviewWindow *self)
{
  g_autoptr(GError) error = NULL;
  int n_pages;

  self->pdf = poppler_document_new_from_bytes (self->bytes, NULL, &error);
  if (self->pdf == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  n_pages = poppler_document_get_n_pages (self->pdf);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (self->pdf, i);
      GtkWidget *area = gtk_drawing_area_new ();
      g_autofree char *name = g_strdup_printf (_("Page %d of %d"), i + 1, n_pages);

      g_ptr_array_add (self->pages, page);
      g_ptr_array_add (self->page_areas, area);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page, g_object_ref (page),
                                      g_object_unref);
      gtk_widget_add_css_class (area, "page");
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      gtk_box_append (self->page_box, area);
      gtk_list_box_append (self->thumbnails, make_thumbnail (page, i + 1, n_pages));
    }
  {
    g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d page",
                                                              "%d pages", n_pages), n_pages);

    adw_window_title_set_subtitle (self->title, subtitle);
  }
  update_zoom (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.save", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.print", TRUE);
  gtk_stack_set_visible_child_name (self->stack, "pages");
}

/* Rendering off the main thread. The document is not touched elsewhere until it is done. */

static void
render_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *bytes = rmm_pdf_document_to_bytes (task_data, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify)g_bytes_unref);
}

static void
on_rendered (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RmmPreviewWindow *self = RMM_PREVIEW_WINDOW (source);
  g_autoptr(GError) error = NULL;

  self->bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->bytes == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  show_pages (self);
}

static void
start_rendering (RmmPreviewWindow *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_rendered, NULL);

  g_task_set_task_data (task, g_object_ref (self->document), g_object_unref);
  g_task_run_in_thread (task, render_in_thread);
}

/* Actions. */

static void
on_thumbnail_activated (RmmPreviewWindow *self,
                        GtkListBoxRow    *row)
{
  GtkWidget *area = g_ptr_array_index (self->page_areas, gtk_list_box_row_get_index (row));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_point_t point;

  if (gtk_widget_compute_point (area, GTK_WIDGET (self->page_box), &GRAPHENE_POINT_INIT (0, 0),
                                &point))
    gtk_adjustment_set_value (adjustment, point.y);
}

static void
action_zoom (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RmmPreviewWindow *self = RMM_PREVIEW_WINDOW (widget);

  if (g_str_equal (action_name, "preview.zoom-in"))
    self->zoom = MIN (self->zoom * 1.25, MAX_ZOOM);
  else if (g_str_equal (action_name, "preview.zoom-out"))
    self->zoom = MAX (self->zoom / 1.25, MIN_ZOOM);
  else
    self->zoom = 1.0;
  update_zoom (self);
}

static void
action_toggle_sidebar (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RmmPreviewWindow *self = RMM_PREVIEW_WINDOW (widget);

  gtk_widget_set_visible (self->sidebar, !gtk_widget_get_visible (self->sidebar));
}

static void
on_save_response (GtkNativeDialog  *chooser,
                  int               response,
                  RmmPreviewWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = g_file_get_path (file);
  data = g_bytes_get_data (self->bytes, &size);
  /* Exactly what was previewed; written whole or not at all, private to the user. */
  if (!g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      rmm_show_message (GTK_WIDGET (self), _("The PDF Was Not Saved"), error->message);
      return;
    }
  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);

    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
  }
}

static void
action_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RmmPreviewWindow *self = RMM_PREVIEW_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save the PDF"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), self->file_name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                RmmPreviewWindow  *self)
{
  gtk_print_operation_set_n_pages (operation,
                                   (int)rmm_pdf_document_get_n_pages (self->document));
}

static void
on_draw_print_page (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page,
                    RmmPreviewWindow  *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = gtk_print_context_get_width (context) / RMM_PDF_PAGE_WIDTH;

  /* The engine draws in points on A4; fit that to whatever paper the printer has. */
  cairo_scale (cr, scale, scale);
  rmm_pdf_document_draw_page (self->document, cr, page);
}

static void
action_print (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RmmPreviewWindow *self = RMM_PREVIEW_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;

  /* Laid out again here, on the main thread, with its own font map. */
  rmm_pdf_document_forget_layout (self->document);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, rmm_pdf_document_get_title (self->document));
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_print_page), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    rmm_show_message (GTK_WIDGET (self), _("The Document Was Not Printed"), error->message);
}

static void
rmm_preview_window_dispose (GObject *object)
{
  RmmPreviewWindow *self = RMM_PREVIEW_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), RMM_TYPE_PREVIEW_WINDOW);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->page_areas, g_ptr_array_unref);
  g_clear_object (&self->pdf);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_object (&self->document);
  g_clear_pointer (&self->file_name, g_free);

  G_OBJECT_CLASS (rmm_preview_window_parent_class)->dispose (object);
}

static void
rmm_preview_window_class_init (RmmPreviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rmm_preview_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rmmdesk/RmmDesk/rmm-preview-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RmmPreviewWindow, name)
  BIND (toasts);
  BIND (title);
  BIND (stack);
  BIND (error_page);
  BIND (sidebar);
  BIND (thumbnails);
  BIND (scroller);
  BIND (page_box);
  BIND (zoom_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_thumbnail_activated);

  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "preview.zoom-reset", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "preview.toggle-sidebar", NULL,
                                   action_toggle_sidebar);
  gtk_widget_class_install_action (widget_class, "preview.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, action_print);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "preview.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "preview.toggle-sidebar",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "preview.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rmm_preview_window_init (RmmPreviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->zoom = 1.0;
  self->pages = g_ptr_array_new_with_free_func (g_object_unref);
  self->page_areas = g_ptr_array_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.print", FALSE);
}

/**
 * rmm_preview_window_new:
 * @file_name: what Save suggests, e.g. "minutes-2026-11-23.pdf"
 *
 * Shows @document, rendering it in the background.
 */
RmmPreviewWindow *
rmm_preview_window_new (GtkWindow      *parent,
                        RmmPdfDocument *document,
                        const char     *file_name)
{
  RmmPreviewWindow *self = g_object_new (RMM_TYPE_PREVIEW_WINDOW,
                                         "transient-for", parent, NULL);

  self->document = g_object_ref (document);
  self->file_name = g_strdup (file_name);
  adw_window_title_set_title (self->title, rmm_pdf_document_get_title (document));
  gtk_window_set_title (GTK_WINDOW (self), rmm_pdf_document_get_title (document));
  start_rendering (self);
  return self;
}

/* Test hook: the pages shown, once rendering is done (0 before). */
guint
rmm_preview_window_get_n_pages (RmmPreviewWindow *self)
{
  g_return_val_if_fail (RMM_IS_PREVIEW_WINDOW (self), 0);

  return self->pages->len;
}

/* The module's entry point, found by rmm-preview.c. */
G_MODULE_EXPORT void rmm_preview_window_show (GtkWindow      *parent,
                                              RmmPdfDocument *document,
                                              const char     *file_name);

G_MODULE_EXPORT void
rmm_preview_window_show (GtkWindow      *parent,
                         RmmPdfDocument *document,
                         const char     *file_name)
{
  gtk_window_present (GTK_WINDOW (rmm_preview_window_new (parent, document, file_name)));
}
