/* rmm-store.h: the store of everything the RMM records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change is a transaction that also appends to the audit trail; the store announces
 * committed changes with ::changed. Typed repository functions hold the SQL.
 *
 * The umbrella: each part of the store has its own header (rmm-store-base.h for the store
 * itself, then one per repository file); include this one, or just the part you use.
 */
#pragma once

#include "rmm-agenda-item.h"
#include "rmm-area.h"
#include "rmm-assessment.h"
#include "rmm-child.h"
#include "rmm-cse-entry.h"
#include "rmm-meeting.h"
#include "rmm-trigger-rules.h"

#include "rmm-store-base.h"
#include "rmm-store-agenda.h"
#include "rmm-store-assessments.h"
#include "rmm-store-backups.h"
#include "rmm-store-closures.h"
#include "rmm-store-cse-list.h"
#include "rmm-store-decisions.h"
#include "rmm-store-documents.h"
#include "rmm-store-integrity.h"
#include "rmm-store-items.h"
#include "rmm-store-meeting-flow.h"
#include "rmm-store-meetings.h"
#include "rmm-store-access.h"
#include "rmm-store-members.h"
#include "rmm-store-rights.h"
#include "rmm-store-calendar.h"
#include "rmm-store-board.h"
#include "rmm-store-circulation.h"
#include "rmm-store-cse-distribution.h"
#include "rmm-store-figures.h"
#include "rmm-store-notes.h"
#include "rmm-store-people.h"
#include "rmm-store-plans.h"
#include "rmm-store-referrals.h"
#include "rmm-store-schedule.h"
#include "rmm-store-triggers.h"
