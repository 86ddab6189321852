/* test-name-scrubber.c: typed text in an anonymised document names no child and mislabels
 * no one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case is a sentence a minute-taker could type, with what a reader of the anonymised
 * minutes must see instead. Every person here is invented.
 */
#include "config.h"

#include "rmm-test-support.h"

#include "rmm-name-scrubber.h"

enum { ORLA = 1, FREYA, KIT, CARA, DYLAN, WILL, ALFIE_B, TOBIAS, SIAN, BROOKE, ZOE };

static RmmNameScrubber *
make_scrubber (void)
{
  RmmNameScrubber *scrubber = rmm_name_scrubber_new ();

  rmm_name_scrubber_set_word_list (scrubber, TEST_WORD_LIST);
  rmm_name_scrubber_add_child (scrubber, ORLA, "Orla", "Northcote");
  rmm_name_scrubber_add_child (scrubber, FREYA, "Freya", "Lomax");
  rmm_name_scrubber_add_child (scrubber, KIT, "Kit", "Fenwright");
  rmm_name_scrubber_add_child (scrubber, CARA, "Cara", "O'Neill");
  rmm_name_scrubber_add_child (scrubber, DYLAN, "Dylan", "Glyndwr-Hale");
  rmm_name_scrubber_add_child (scrubber, WILL, "Will", "Dunmore");
  rmm_name_scrubber_add_child (scrubber, ALFIE_B, "Alfie", "Brindley");
  rmm_name_scrubber_add_child (scrubber, TOBIAS, "Tobias", "Lomax");
  rmm_name_scrubber_add_child (scrubber, SIAN, "Siân", "de Wynter");
  rmm_name_scrubber_add_child (scrubber, BROOKE, "Brooke", "al-Hassan");
  rmm_name_scrubber_add_child (scrubber, ZOE, "Zoë", "Marwood");
  /* The two chairs and a social worker; one shares a surname with Kit, one a first name
   * with Alfie. */
  rmm_name_scrubber_add_professional (scrubber, "Jane Fenwright");
  rmm_name_scrubber_add_professional (scrubber, "Alfie Rushby");
  rmm_name_scrubber_add_professional (scrubber, "Sam Varley");
  return scrubber;
}

static void
assert_scrubbed (RmmNameScrubber *scrubber,
                 gint64           child_id,
                 const char      *typed,
                 const char      *expected)
{
  g_autofree char *scrubbed = rmm_name_scrubber_apply (scrubber, child_id, typed);

  g_assert_cmpstr (scrubbed, ==, expected);
}

static void
test_full_names (void)
{
  g_autoptr(RmmNameScrubber) scrubber = make_scrubber ();

  /* A child's full name is their initials wherever it is typed, in any case. */
  assert_scrubbed (scrubber, FREYA, "Seen with Orla Northcote at the park.",
                   "Seen with O.N. at the park.");
  assert_scrubbed (scrubber, 0, "ORLA NORTHCOTE attended.", "O.N. attended.");
  assert_scrubbed (scrubber, ORLA, "Orla Northcote's mother called.", "O.N.'s mother called.");
  /* A professional's full name stays, though its parts are children's names. */
  assert_scrubbed (scrubber, KIT, "Jane Fenwright: the rating should stay high. Sam Varley: "
                   "medium is enough.", "Jane Fenwright: the rating should stay high. Sam "
                   "Varley: medium is enough.");
  assert_scrubbed (scrubber, ALFIE_B, "Alfie Rushby will ring the school.",
                   "Alfie Rushby will ring the school.");
}

static void
test_own_first_name (void)
{
  g_autoptr(RmmNameScrubber) scrubber = make_scrubber ();

  assert_scrubbed (scrubber, ORLA, "Orla said she felt safe at home.",
                   "O.N. said she felt safe at home.");
  assert_scrubbed (scrubber, CARA, "Cara’s school reports better attendance.",
                   "C.O.’s school reports better attendance.");
  /* The same word in another child's item is not taken to be anyone in particular. */
  assert_scrubbed (scrubber, FREYA, "Orla was with her.", "[name] was with her.");
  assert_scrubbed (scrubber, 0, "Orla was with her.", "[name] was with her.");
}

static void
test_surnames (void)
{
  g_autoptr(RmmNameScrubber) scrubber = make_scrubber ();

  /* The family shares a surname: it never becomes the child's initials. */
  assert_scrubbed (scrubber, FREYA, "Lomax household visited. O. Lomax was not in.",
                   "[name] household visited. O. [name] was not in.");
  /* A sibling: the given name goes with the surname; another child's initials never
   * stand in for it. */
  assert_scrubbed (scrubber, ORLA, "His sibling Alfie Northcote (CH-100537) was present.",
                   "His sibling [name] (CH-100537) was present.");
  assert_scrubbed (scrubber, ORLA, "Mrs Northcote called the school.",
                   "Mrs [name] called the school.");
  assert_scrubbed (scrubber, ORLA, "Alfie Northcote called.", "[name] called.");
}

static void
test_ambiguous_words (void)
{
  g_autoptr(RmmNameScrubber) scrubber = make_scrubber ();

  /* Kit's surname is also the chair's: alone, it could be either. */
  assert_scrubbed (scrubber, KIT, "Fenwright agreed to the plan.", "[name] agreed to the plan.");
  /* Alfie is also a professional's first name. */
  assert_scrubbed (scrubber, ALFIE_B, "Alfie will ring.", "[name] will ring.");
  /* Will is an ordinary word: capitalised it reads [name]; in lower case it is a word. */
  assert_scrubbed (scrubber, WILL, "Will said he will go to school.",
                   "[name] said he will go to school.");
}

static void
test_apostrophes_and_hyphens (void)
{
  g_autoptr(RmmNameScrubber) scrubber = make_scrubber ();

  assert_scrubbed (scrubber, DYLAN, "Dylan Glyndwr-Hale and Cara O’Neill were seen together.",
                   "D.G. and C.O. were seen together.");
  assert_scrubbed (scrubber, DYLAN, "The Glyndwr-Hale family; Glyndwr alone; O'Neill alone.",
                   "The [name] family; [name] alone; [name] alone.");
  /* A name inside a hyphenated word is still a name. */
  assert_scrubbed (scrubber, DYLAN, "Dylan-led session with Orla-Mae",
                   "D.G.-led session with [name]-Mae");
}

static void
test_text_as_typed (void)
{
  g_autoptr(RmmNameScrubber) scrubber = make_scrubber ();

  /* Nothing else changes: lower case words, punctuation, line breaks, other scripts. */
  assert_scrubbed (scrubber, ORLA, "she rose early;\n\nwill attend — عربي.",
                   "she rose early;\n\nwill attend — عربي.");
  assert_scrubbed (scrubber, ORLA, "", "");
  assert_scrubbed (scrubber, ORLA, "Orla\xff", "O.N.\xef\xbf\xbd");
}

/* What a hostile reader tried: every form in which a name was seen to survive. */
static void
test_forms_that_slipped_through (void)
{
  g_autoptr(RmmNameScrubber) scrubber = make_scrubber ();

  /* Capital and other possessives and contractions, any apostrophe. */
  assert_scrubbed (scrubber, FREYA, "TOBIAS'S phone; LOMAX'S car; Tobias’ll go; Tobiasʼs mum.",
                   "[name]'S phone; [name]'S car; [name]’ll go; [name]ʼs mum.");
  assert_scrubbed (scrubber, TOBIAS, "TOBIAS'S phone.", "T.L.'S phone.");
  /* Plural surnames. */
  assert_scrubbed (scrubber, FREYA, "The Lomaxes and the O'Neills were told.",
                   "The [name]es and the [name]s were told.");
  /* A soft hyphen or zero-width space inside a name, from pasted text. */
  assert_scrubbed (scrubber, FREYA, "The Lo\u00ADmax family, Mar\u200Bwood.",
                   "The [name] family, [name].");
  /* Accents left off, or put on. */
  assert_scrubbed (scrubber, FREYA, "Sian de Wynter'S view; SIAN said; Zoe agreed.",
                   "S.D.'S view; [name] said; [name] agreed.");
  /* A surname written in lower case. */
  assert_scrubbed (scrubber, FREYA, "Mr al-Hassan and the al-Hassan family.",
                   "Mr [name] and the [name] family.");
  /* User names and handles. */
  assert_scrubbed (scrubber, FREYA, "Messages from @TobiasLomax09 and tobias_lomax.",
                   "Messages from [name] and [name].");
  /* Another Tobias in Tobias Lomax's own item is not shown as T.L. */
  assert_scrubbed (scrubber, TOBIAS, "Tobias Smith, a friend, was there. Tobias agreed.",
                   "[name], a friend, was there. T.L. agreed.");
}

static void
test_without_word_list (void)
{
  g_autoptr(RmmNameScrubber) scrubber = make_scrubber ();

  /* No list of ordinary words: a name is still never left in, only read as the child's. */
  rmm_name_scrubber_set_word_list (scrubber, "/nonexistent/words");
  assert_scrubbed (scrubber, WILL, "Will said so.", "W.D. said so.");
  assert_scrubbed (scrubber, ORLA, "Will said so.", "[name] said so.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scrubber/full-names", test_full_names);
  g_test_add_func ("/scrubber/own-first-name", test_own_first_name);
  g_test_add_func ("/scrubber/surnames", test_surnames);
  g_test_add_func ("/scrubber/ambiguous", test_ambiguous_words);
  g_test_add_func ("/scrubber/apostrophes-and-hyphens", test_apostrophes_and_hyphens);
  g_test_add_func ("/scrubber/text-as-typed", test_text_as_typed);
  g_test_add_func ("/scrubber/without-word-list", test_without_word_list);
  g_test_add_func ("/scrubber/forms-that-slipped-through", test_forms_that_slipped_through);
  return g_test_run ();
}
