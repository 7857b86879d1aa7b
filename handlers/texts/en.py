"""English messages. Keys are shared with vi.py."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # --- general --------------------------------------------------------------------
    "error_internal": "Sorry, the system ran into a problem and could not process this message. "
    "Data saved earlier is not affected. Please try again "
    "in a few minutes.",
    "too_long_message": "Message too long (max {limit} characters). Please keep it shorter.",
    "unknown_command": "There is no /{command} command. Type /help to see available commands.",
    "stale_button": "This button belongs to an earlier question and is no longer active.",
    "choose_option": "Please choose one of the options below: type its number (or tap "
    "its button, if shown).",
    "not_understood": "I did not understand this message. To log a household, send one "
    "message: Name, Address, Phone, Procedures – or type /add to be asked "
    "field by field. Type /help for instructions.",
    "not_understood_empty": "I can only read text messages. Type /help for instructions.",
    "none": "(none)",
    "cancelled": "Cancelled. Type /them to log a new household.",
    "cancelled_plain": "Cancelled.",
    "nothing_to_cancel_kept": "No question is waiting to be cancelled. {n} household(s) kept "
    "aside: type /next to continue (then /cancel to drop one).",
    "nothing_to_cancel": "There is nothing in progress to cancel.",
    "dialog_replaced": "The previous unfinished entry was discarded; starting a new household.",
    "default_user_name": "Officer",
    "language_set": "Switched to English. (Gõ /lang vi để dùng tiếng Việt.)",
    # --- verification spot-checks (/verify) --------------------------------------------
    "verify_not_allowed": "Drawing samples and verification calls are for supervisors (the "
    "culture & society office). Type /progress for your own progress.",
    "verify_menu": "A verification batch is not finished yet. Would you like to:",
    "verify_btn_continue": "📞 Continue batch #{batch} ({open} left)",
    "verify_btn_new": "🎲 Draw a new sample",
    "verify_ask_scope": "Draw the sample where?",
    "verify_btn_all": "🏘 All hamlets",
    "verify_ask_size": "Sample size per hamlet? Press a button, or type a rate (e.g. 15%) or a "
    "number of households per hamlet (e.g. 4). Every hamlet and every officer "
    "with entries always gets at least one call.",
    "verify_size_default": "{size} (default)",
    "verify_size_invalid": "Could not read the sample size “{text}”. Type a rate from 1% to "
    "100% (e.g. 10%) or households per hamlet from 1 to {max} (e.g. 3).",
    "verify_unknown_arg": "Could not read “{arg}”. Examples: /verify, /verify 10%, /verify BNA 3",
    "verify_nothing_to_draw": "Nobody left to sample{where}: every logged household is already "
    "in an earlier batch, or none has been logged yet.",
    "verify_where": " in {hamlet}",
    "verify_rule_rate": "{pct} of households per hamlet",
    "verify_rule_count": "{n} households per hamlet",
    "verify_drawn": "🎲 Drew verification batch #{batch}: {size} households ({rule}).\nBy hamlet: "
    "{per_hamlet}\nRandom seed: {seed} – the list was stored before any call "
    "and can be drawn again exactly for an audit.",
    "verify_drawn_flagged": "🚩 Includes {n} flagged household(s).",
    "verify_card_title": "📞 Call card #{check} · Batch #{batch} · {open}/{total} left",
    "verify_card_hamlet": "🏘 {hamlet} ({code})",
    "verify_card_name": "👤 Head of household: {name}",
    "verify_card_address": "🏠 Address: {address}",
    "verify_card_phone": "☎️ Phone: {phone}",
    "verify_card_procedures": "📋 Procedures: {procedures}",
    "verify_card_procedures_all": "📋 The household's procedures ({n}, every entry – ask about "
    "each):",
    "verify_card_procedure": "   • {name} – {entries}",
    "verify_card_procedure_entry": "entry #{entry} on {day}",
    "verify_ask_procedures": "Which procedures does the household confirm it was guided "
    "through? Tap to untick / tick each, then record.",
    "verify_proc_on": "☑️ {name}",
    "verify_proc_off": "⬜ {name}",
    "verify_btn_save_all": "✅ Record: the household confirms all {n}/{n} procedures",
    "verify_btn_save_some": "⚠️ Record: the household confirms only {k}/{n} procedures",
    "verify_answer_confirmed": "📋 Household confirmed {n}/{total} procedures: {names}",
    "verify_answer_denied": "not confirmed: {names}",
    "verify_card_dossier": "🗂 Dossier code: {dossier}",
    "verify_card_entry": "🗓 Guided on {day} · officer: {officer} · entry #{entry}",
    "verify_card_attempts": "🔁 Called {attempts}/{max} times without reaching them",
    "verify_card_flagged": "🚩 Flagged for checking",
    "verify_card_changed": "✏️ {field} changed after the draw: {before} → {after}{by}",
    "verify_card_by": " ({who}, {at})",
    "verify_card_blank": "(blank)",
    "verify_field_name": "Head's name",
    "verify_field_address": "Address",
    "verify_field_phone": "Phone",
    "verify_field_procedures": "Procedures",
    "verify_field_guided_on": "Guidance date",
    "verify_field_dossier": "Dossier code",
    "verify_card_deleted": "🗑 This entry was deleted after the draw: reason “{reason}”{by}",
    "verify_card_deleted_counts": "Call the household as usual: once called, this case counts "
    "as failed until it is reviewed (/verify_review).",
    "verify_card_deleted_overturned": "↩️ Reviewed: the deletion does not count as a failure.",
    "verify_state_deleted": "🗑 deleted after the draw",
    "verify_state_changed": "✏️ edited after the draw",
    "verify_list_deleted": "🗑 {n} household(s) deleted after the draw: call them as usual; they "
    "then count as failed unless reviewed.",
    "verify_review_deleted": "🗑 Deleted after the draw",
    "verify_card_note": "📝 Note: {note}",
    "verify_card_ask": "Ask the household: were they guided through these procedures? Press the "
    "outcome (type text to add a note first):",
    "verify_btn_confirmed": "✅ Yes, they were guided",
    "verify_btn_not_guided": "❌ Not guided",
    "verify_btn_wrong_details": "⚠️ Details false",
    "verify_btn_unreachable": "📵 Unreachable",
    "verify_btn_wrong_number": "☎️ Wrong number",
    "verify_btn_skip": "⏭ Later",
    "verify_btn_stop": "⏹ Stop",
    "verify_ask_detail": "Which detail does not match what the household says?",
    "verify_btn_back": "↩️ Back to the card",
    "verify_btn_back_details": "↩️ Back to the wrong details",
    "verify_ask_date": "The household remembers another date than the one logged ({day}). How "
    "far off? Within {n} days is recorded only, not counted as failed.",
    "verify_btn_date_within": "📅 Within {n} days",
    "verify_btn_date_beyond": "📅 More than {n} days",
    "verify_recorded_tolerated": "ℹ️ Within the tolerance: recorded, not counted as failed.",
    "verify_note_saved": "📝 Note added. Press the call's outcome.",
    "verify_note_too_long": "Notes are at most {limit} characters; please shorten it.",
    "verify_recorded": "Recorded card #{check}: {outcome}.",
    "verify_recorded_retry": "Recorded card #{check}: not reached (attempt {attempts}/{max}). It "
    "comes back to the list after {at}.",
    "verify_recorded_gave_up": "Recorded card #{check}: unreachable after {max} calls → “Could "
    "not verify”.",
    "verify_sent_back": "↪️ Sent back to officer {officer} to correct or explain.",
    "verify_taken": "Someone else just took this card or it already has an outcome; moving on.",
    "verify_batch_done": "✅ Batch #{batch} is finished. Type /report for the results, "
    "/verify_review to review failed checks.",
    "verify_batch_waiting": "Batch #{batch} has no card to call right now: {waiting} to call "
    "again later, {held} held by other callers. Type /verify later; "
    "/verify_list shows the list.",
    "verify_stopped": "Stopped; your current card went back to the list. Type /verify to "
    "continue, /verify_list to see the list.",
    "verify_list_empty": "No open verification batch. Type /verify to draw a sample.",
    "verify_list_batch": "🗂 Batch #{batch} ({day}, {rule}, seed {seed}): {done}/{total} done · "
    "{open} left",
    "verify_list_line": "• #{check} {code} · {name} · {state}",
    "verify_state_new": "not called yet",
    "verify_state_retry": "📵 {attempts}/{max}, call again after {at}",
    "verify_state_retry_now": "📵 {attempts}/{max}, can be called again",
    "verify_state_held": "being called by {caller}",
    "verify_list_more": "… and {n} more",
    "verify_list_review": "❌ {n} failed check(s) not reviewed yet: /verify_review",
    "verify_review_empty": "No failed verification check to review.",
    "verify_review_pick": "Failed checks – pick one to review and decide:",
    "verify_review_result": "Outcome: {outcome} · caller {caller}, {at}",
    "verify_review_reply": "💬 Officer's explanation ({at}): {reply}",
    "verify_review_no_reply": "💬 The officer has not explained yet.",
    "verify_review_ask": "Overturn the failure (if the explanation holds) or keep it?",
    "verify_btn_overturn": "↩️ Overturn the failure",
    "verify_btn_keep": "⚖️ Keep the failure",
    "verify_ask_overturn_reason": "Type the reason for overturning card #{check} (required, "
    "audited):",
    "verify_reason_short": "The reason needs at least {min} characters.",
    "verify_overturned": "Overturned the failure of card #{check}. Reason: {reason}",
    "verify_status_eligible": "✅ {name}: eligible again.",
    "verify_status_not_eligible": "❌ {name}: still not eligible ({n} failed check(s)).",
    "verify_review_closed": "Closed the review list.",
    "verify_ask_uphold_reason": "Type the reason for keeping the failure of card #{check} "
    "(required, audited; this decision is final):",
    "verify_upheld": "⚖️ Kept the failure of card #{check} (final). Reason: {reason}",
    "verify_review_was_upheld": "Card #{check}: the failure was kept on {at} ({by}). "
    "Reason: {reason}",
    "verify_review_was_overturned": "Card #{check}: the failure was overturned on {at} "
    "({by}). Reason: {reason}",
    "verify_flag_usage": "Type /flag ENTRY_NUMBER [reason], e.g. /flag 12 same phone as many "
    "households",
    "verify_flag_not_found": "Entry #{id} not found.",
    "verify_flag_done": "🚩 Flagged entry #{id} ({name}, {code}): it will be in the next draw.",
    "verify_flag_already": "Entry #{id} is already flagged for the next draw.",
    "verify_return_title": "🔎 Verification result",
    "verify_return_body": "Household {name} (entry #{entry}, guided on {day}): {outcome}.",
    "verify_return_note": "Caller's note: {note}",
    "verify_return_ask": "Please check: correct the entry with /edit {entry}, or explain with "
    "/explain {check}.",
    "verify_explain_none": "You have no verification result to explain.",
    "verify_explain_pick": "Pick the case to explain:",
    "verify_explain_ask": "Type your explanation for card #{check} (e.g. the household was "
    "guided on …, the person who answered is the head's child …):",
    "verify_explain_saved": "✅ Explanation saved for card #{check}. A supervisor will review it.",
    "verify_explain_not_found": "No case #{id} for you to explain.",
    "help_verify": "Verification:\n• /verify – draw a random sample and phone households (call "
    "cards, one-tap outcomes)\n• /verify_list – households not called yet\n"
    "• /verify_review – review failed checks not yet decided (overturn or keep the "
    "failure, each with a reason, both final)\n• /flag ENTRY – put an entry in "
    "the next draw\n• /quality – unusual entries (late, bursts, at night, a "
    "phone in several hamlets, repeated dossier codes, deleted and re-entered)",
    "help_verify_frozen": "A sampled entry an officer edits or deletes after the draw (officers "
    "are never told which entries are sampled): the call card and "
    "/verify_review show each changed detail (old → new, who, when); a "
    "deleted one stays on the list, is still called, and then counts as "
    "failed until it is reviewed.",
    "verify_rules_title": "Which results fail a check (configured):",
    "verify_rules_not_guided": "❌ household says not guided: always fails",
    "verify_rules_details": "⚠️ wrong details: fails if wrong {details} (a procedure the "
    "household does not confirm included); other details are recorded "
    "only",
    "verify_rules_details_none": "⚠️ wrong details: recorded only, never fails",
    "verify_rules_date": "📅 a date the household remembers within {n} days: recorded only",
    "verify_rules_phone": "☎️ wrong number: fails (the phone the officer logged is wrong, the "
    "household cannot be reached to confirm); reported on its own, not "
    "as 📵",
    "verify_rules_phone_none": "☎️ wrong number: reported on its own, not counted as failed",
    "verify_rules_unreachable": "📵 unreachable on every attempt: never fails",
    "help_explain": "• /explain – answer a verification result sent back to you",
    "cmd_verify": "Verification calls (supervisors)",
    "cmd_explain": "Explain a verification result",
    # --- registration ------------------------------------------------------------------
    "unregistered": "Hello! This bot records households that have been guided through "
    "online public services. You are not registered yet, so you cannot "
    "use the bot. Please get an invite code from the Culture and Social "
    "Affairs Office or an administrator, then send the code to the bot (just "
    "the code, or: /start INVITE_CODE).\nIf you already use the bot on "
    "another app (Telegram or Zalo), send /lienket there to get a link code, "
    "then send that code here.\nHow the bot keeps and uses personal data: type /privacy.",
    "group_pointer": "🔒 To protect residents' personal information, the bot only works in "
    "private chats. Please message the bot directly. {link}",
    "invite_wrong": "Invalid invite code. Please check the code (10 letters and digits) "
    "and send it again: /start INVITE_CODE",
    "invite_used": "This invite code has already been used. Each code works only once; "
    "please ask for a new one.",
    "invite_expired": "This invite code has expired. Please ask an administrator for a new one.",
    "invite_hamlet_inactive": "The hamlet linked to this invite code is no longer active. Please "
    "ask an administrator for a new code.",
    "registered": "✅ Hello {name}! You are registered as {role}{where}.",
    "privacy_notice": "🔒 Personal data (Decree 13/2023/NĐ-CP)\n"
    "• The bot keeps: your name and Telegram/Zalo account; the names, addresses and phone "
    "numbers of the households guided, the procedures done and the spot-check results.\n"
    "• What for: evidence for the campaign «{campaign}», spot-check calls and awards – "
    "nothing else.\n"
    "• Who sees it: officers and hamlet heads only their own hamlet's households; {contact} "
    "({unit}) to compile and check. Never shared outside, never shown in group chats.\n"
    "• Kept until: {until} ({years} years after the campaign ends), then deleted.\n"
    "• You and the households may know, see, correct and ask to delete your data: contact "
    "{contact}.\n"
    "Type /privacy to see this notice again.",
    "cmd_privacy": "How personal data is kept and used",
    "registered_hamlet": " – {hamlet}",
    "welcome_back": "Welcome back, {name}!",
    "role_officer": "hamlet officer",
    "role_hamlet_head": "hamlet head",
    "role_supervisor": "supervisor (Culture & Social Affairs Office)",
    "role_admin": "administrator",
    # --- help ------------------------------------------------------------------------
    "help_title": "📘 Bot guide – {campaign}",
    "help_officer": "Log a household you have guided – one message per household:\n"
    "• Send one message with the name, address, phone number and procedures "
    "(optionally a dossier code and a date), separated by commas, semicolons "
    "(;), |, dashes ( - ) or line breaks:\n"
    "  Nguyễn Văn An, Tổ 3 ấp Bãi Nhà A, 0912 345 678, 1, 3\n"
    "  Lê Thị Hoa; Bãi Nhà B; 0987654321; {procedure}; H56.26-260315-0001; "
    "hôm qua\n"
    "  It is saved at once, with «✏️ Edit» and «↩️ Undo» buttons. Give "
    "procedures by number, code or a few words of the name. Dates: 15/03, "
    "15/03/2026, hôm qua, hôm kia, thứ 6…; blank means the day you sent it.\n"
    "• Several households in a row are fine: any that needs a question "
    "(a duplicate, a missing part) is asked in turn.\n"
    "• /them (/add) – asked field by field; /tiep (/next) – continue a "
    "household in progress\n"
    "• /cuatoi (/mine) – households you logged recently\n"
    "• /sua (/edit) – edit a logged household (e.g. /sua 12)\n"
    "• /xoa (/delete) – delete a mistaken entry, with a reason (e.g. /xoa 12)\n"
    "• /tiendo (/progress) – your hamlet's progress",
    "help_supervisor": "Monitoring:\n• /tiendo (/progress) – progress of all hamlets; "
    "/tiendo HAMLET_CODE – details for one hamlet\n"
    "• /baocao (/report) – hamlets ranked, with a chart; pick a period "
    "(week, month, quarter, reviews, dates) or one hamlet "
    "(e.g. /report last_week, /report BNA)\n"
    "• /xuat (/export) – Excel spreadsheet (add csv for CSV files, csv; for "
    "Excel with Vietnamese settings)\n"
    "• /thongbao (/notify) – weekly summary on/off",
    "help_head": "Hamlet head:\n• /baocao (/report) – your hamlet's report with each "
    "officer's activity\n• /xuat (/export) – your hamlet's evidence spreadsheet\n"
    "• /thongbao (/notify) – weekly summary and reminders on/off",
    "help_reminder": "• /thongbao (/notify) – reminder at {time} when the hamlet has no entry "
    "yet: on/off",
    "help_admin": "Administration:\n• /moi (/invite) – create an invite code "
    "(e.g. /moi officer BNA)",
    "help_common": "• /huy (/cancel) – cancel the current action\n• /help – show this guide "
    "again\n• /lang vi – Tiếng Việt",
    "help_rules": "How it is counted: coverage = households guided (at least 1 procedure, "
    "deleted entries excluded) ÷ total households in the hamlet; target "
    "{threshold}. Special prize: hamlets with {large} or more households need "
    "{n_large} procedures per household, hamlets with fewer than {large} "
    "households need {n_small} procedures per household. "
    "Period: {start} – {end}.",
    # --- adding a household ----------------------------------------------------------
    "add_needs_hamlet": "Your account is not linked to any hamlet, so you cannot log "
    "households yet. Please contact an administrator.",
    "ask_name": "👤 Full name of the head of household? (type /huy to cancel)",
    "ask_address": "🏠 Household address (house number, group, hamlet)? You can tap the "
    "hamlet name if there is no detailed address.",
    "ask_phone": "📞 Household phone number? (e.g. 0912 345 678)",
    "ask_procedures": "📋 Which procedures did you guide them through? Tap one or more, then "
    "tap «Done», or type their numbers (e.g. 1, 3).",
    "procedures_chosen": "Selected: {names}",
    "ask_dossier": "🧾 Dossier code on the Public Service Portal (if any)? Tap «Skip» if none.",
    "ask_date": "📅 Date of guidance? Tap an option or type a date (e.g. 15/03 or 15/03/2026).",
    "opt_skip": "Skip",
    "opt_today": "Today ({day})",
    "opt_yesterday": "Yesterday ({day})",
    "opt_done": "✔️ Done",
    "opt_save": "✅ Save",
    "opt_edit": "✏️ Edit",
    "opt_cancel": "❌ Cancel",
    "opt_back": "↩️ Back",
    "opt_add_next": "➕ Log another",
    "opt_progress": "📊 Progress",
    "summary_title": "Please check the details before saving:",
    "summary_title_edit": "Current details of entry #{id} (tap Edit to change, Save to save):",
    "summary_name": "👤 Head of household: {name}",
    "summary_address": "🏠 Address: {address}",
    "summary_phone": "📞 Phone: {phone}",
    "summary_procedures": "📋 Procedures: {names}",
    "summary_dossier": "🧾 Dossier code: {dossier}",
    "summary_date": "📅 Date of guidance: {day}",
    "ask_which_field": "Which field do you want to change?",
    "field_name": "Full name",
    "field_address": "Address",
    "field_phone": "Phone number",
    "field_procedures": "Procedures",
    "field_dossier": "Dossier code",
    "field_date": "Date",
    "cancelled_entry": "Cancelled; nothing was saved. Type /them to log another household.",
    "guided_in_earlier_campaign": "ℹ️ This household was guided in the earlier campaign "
    '"{campaign}" ({code}, last on {day}); this time counts for the current campaign.',
    "find_guided_earlier": "ℹ️ This number was guided in the earlier campaign "
    '"{campaign}" ({code}, last on {day}), not yet in this one. Log it as a new household.',
    "saved_progress": "📊 {hamlet}: {guided}/{total} households guided ({pct}).",
    "dropped_entry": "Discarded; nothing was saved.",
    "phone_converted": "ℹ️ {old} is an old 11-digit number; changed to the new number {new}.",
    # --- duplicates ------------------------------------------------------------------
    "dup_title": "⚠️ Household {name} may already be recorded:",
    "dup_line": "• Household #{id}: {name} – {address} – {phone} ({reason})",
    "dup_other_hamlet": "• This phone number is already recorded for a household in another "
    "hamlet. If it really is the same household, tell your hamlet head or "
    "the Culture and Society Office; if it is another household, choose "
    "«Another household» (it is stored for your hamlet and marked as "
    "sharing the phone number, for the office to check).",
    "campaign_not_started": "📅 The campaign «{campaign}» starts on {day}; households guided "
    "before then are not logged. From {day} log them as usual.",
    "campaign_ended": "📅 The campaign «{campaign}» ended on {day}; no more households are "
    "logged. Its figures are still there: /tiendo.",
    "hamlet_closed": "{hamlet} is no longer in the campaign «{campaign}»: no more households "
    "are logged for it and its progress is no longer followed. The households "
    "already logged are kept. If you now work for another hamlet, please tell "
    "the Culture and Society Office.",
    "dup_by_phone": "same phone number",
    "dup_by_name": "same name and address",
    "dup_done": "  Already guided: {names} – last on {day}, logged by {officer}",
    "dup_question": "The household you just entered is:",
    "opt_dup_same": "Same household – add the procedures to it",
    "opt_dup_same_n": "Same household #{id} – add procedures",
    "opt_dup_mistake": "Entered by mistake – discard",
    # --- field errors ----------------------------------------------------------------
    "name_empty": "The name is empty. Please enter the full name (e.g. Nguyễn Văn An).",
    "name_too_long": "Name too long (max {limit} characters). Enter only the head of household.",
    "name_looks_like_phone": "This looks like a phone number. Please enter the name first.",
    "name_invalid": "Invalid name. Please enter the full name in letters (e.g. Nguyễn Văn An).",
    "name_symbols": "A name may contain only letters and spaces (no digits, emoji or "
    "symbols). Please enter it again.",
    "address_empty": "The address is empty. Please enter it (e.g. Tổ 3, ấp Bãi Nhà A).",
    "address_too_long": "Address too long (max {limit} characters). Please keep it shorter.",
    "address_invalid": "Invalid address. Please enter a house number, group or hamlet name.",
    "address_symbols": "The address contains invalid characters (emoji or unusual symbols). "
    "Please enter it again.",
    "phone_empty": "The phone number is empty. Please enter a number (e.g. 0912 345 678).",
    "phone_letters": "A phone number may contain only digits (spaces, dots, hyphens "
    "or +84 are allowed). Please enter it again.",
    "phone_short": "Phone number too short. Mobile numbers have 10 digits (e.g. 0912 345 678).",
    "phone_long": "Phone number too long. Mobile numbers have 10 digits (e.g. 0912 345 678).",
    "phone_invalid": "This is not a valid Vietnamese phone number. Please check it "
    "(e.g. 0912 345 678 or landline 0297 3 830 123).",
    "procedure_empty": "Please select at least one procedure.",
    "procedure_number": "There is no procedure number {token} (only 1 to {count}).",
    "procedure_unknown": "Procedure «{token}» not found. Please choose from the list "
    "or type its number.",
    "procedure_unsure": "Does «{token}» mean «{name}»? Please pick the procedure below or type "
    "its number.",
    "procedure_ambiguous": "«{token}» matches several procedures ({names}). Please be more "
    "specific or type the number.",
    "dossier_empty": "The dossier code is empty. Type the dossier code or tap «Skip».",
    "dossier_too_long": "Dossier code too long (max {limit} characters).",
    "dossier_invalid": "A dossier code may contain only unaccented letters, digits and . - / _ "
    "(e.g. H56.26-260315-0001). Please enter it again or tap «Skip».",
    "date_empty": "Please choose or type the date of guidance (e.g. 15/03/2026).",
    "one_line_extra": "The part «{part}» fits no field, so it was not stored. Press «✏️ Edit» "
    "if needed.",
    # --- own entries -----------------------------------------------------------------
    "mine_empty": "You have not logged any households yet. Type /them to log your first one.",
    "mine_title": "🗂 Latest {shown} entries ({total} entries in total):",
    "mine_hint": "Edit: /sua <entry ID> · Delete: /xoa <entry ID>",
    "entry_line": "#{id} · {day} · {name} · {phone}\n{address}\n📋 {procedures}",
    "entry_line_dossier": "🧾 {dossier}",
    "entry_not_found": "Entry #{id} was not found among the entries you logged. "
    "Type /cuatoi to see the list.",
    "ask_pick_edit": "Choose the entry to edit:",
    "ask_pick_delete": "Choose the entry to delete:",
    "edited": "✅ Entry #{id} updated. The previous content is still kept in the log.",
    "edit_nothing": "Nothing changed in entry #{id}.",
    "ask_delete_reason": "Delete this entry?\n{line}\n\nPlease choose or type a reason:",
    "reason_mistake": "Entered by mistake",
    "reason_duplicate": "Duplicate of a logged household",
    "reason_empty": "Please give a reason for deleting (at least 3 characters).",
    "reason_too_long": "Reason too long (max {limit} characters).",
    "ask_delete_confirm": "Confirm deleting entry #{id} (reason: {reason})?",
    "opt_confirm_delete": "🗑 Delete",
    "opt_keep": "Keep",
    "deleted": "🗑 Entry #{id} deleted (kept in the audit log). The household still counts "
    "only if it has another entry.",
    "delete_kept": "Entry #{id} kept.",
    # --- progress --------------------------------------------------------------------
    "progress_title": "📊 Progress of {hamlet} (as of {day})",
    "progress_coverage": "• Households guided: {guided}/{total} – {pct} (target {threshold}){mark}",
    "progress_target": "• {target} households needed to reach the target, {remaining} to go",
    "progress_target_reached": "• Target reached ({target} households) 🎉",
    "progress_special": "• Households qualifying for the special prize ({n}+ procedures): "
    "{special}/{total}",
    "progress_entries": "• Entries logged: today {today} · this week {week}",
    "progress_days": "• Days with entries: {active}/{elapsed} days",
    "progress_rule_note": "(Each household counts once, even if guided through several "
    "procedures.)",
    "progress_all_title": "📊 Progress of all hamlets (as of {day})",
    "progress_all_line": "{rank}. {hamlet} ({code}): {guided}/{total} – {pct}{mark}",
    "progress_all_hint": "Type /tiendo HAMLET_CODE to see details for one hamlet.",
    "progress_other_hamlet_refused": "You can only view your own hamlet's progress. Type /tiendo.",
    "hamlet_unknown": "There is no hamlet with code «{code}».",
    "invite_hamlet_unknown": "There is no hamlet «{code}» in the campaign. Please choose one "
    "below (or type a hamlet's code or name).",
    "invite_hamlet_many": "Several hamlets are named «{code}» ({codes}). Choose below or type "
    "the code.",
    # --- invites ---------------------------------------------------------------------
    "admin_only": "Only administrators can use this command.",
    "ask_invite_role": "Which role is the invite code for?",
    "ask_invite_hamlet": "Which hamlet does the invitee belong to?",
    "ask_invite_unit": "Which commune does this supervisor follow? (they see figures and "
    "households of its hamlets only)",
    "invite_btn_all_units": "Every commune",
    "invite_scope_unit": " – scope: {unit}",
    "invite_scope_all": " – scope: every commune",
    "invite_usage": "Usage: /moi canbo HAMLET_CODE (officer), /moi truongap HAMLET_CODE "
    "(hamlet head), /moi giamsat [COMMUNE] (supervisor) or /moi quantri (admin). Type /moi "
    "to choose with buttons. (English works too: officer, hamlet_head, supervisor, admin.)",
    "invite_created": "🎟 Invite code for {role}{where}, single use, expires at {expires}.\n"
    "Send the invitee the message below to forward to the bot.{link}",
    "invite_link": "\nOr open the link: {link}",
    # --- command menu --------------------------------------------------------------
    "cmd_add": "Log a household you guided",
    "cmd_mine": "Households I logged",
    "cmd_edit": "Edit a logged household",
    "cmd_delete": "Delete a household logged by mistake",
    "cmd_progress": "My hamlet's progress",
    "cmd_cancel": "Cancel what I am doing",
    "cmd_help": "How to use the bot",
    # --- CLI and configuration -------------------------------------------------------
    "cli_config_error": "Configuration error: {key} – {expected}",
    "cli_init_done": "Database updated: {created} items created, {updated} items changed, "
    "{deactivated} items deactivated.",
    "cli_init_nothing": "The database already matches the configuration; nothing changed.",
    "cli_invite_created": "Invite code for {role}{where}, single use, expires at {expires}. "
    "The invitee sends the bot: /start <code>",
    "cli_hamlet_unknown": "No hamlet with code «{code}» in the database. Existing codes: {codes}",
    "cli_hamlet_required": "The {role} role requires a hamlet: --hamlet HAMLET_CODE",
    "cli_campaign_unknown": "No campaign with the code '{code}' in the database "
    "(there are: {codes}).",
    "cli_init_campaign": "Current campaign: «{campaign}» ({code}, {start} – {end}).",
    "cli_init_earlier": "Earlier campaigns kept, read-only (reports, spreadsheets, papers by "
    "their code): {codes}.",
    "cli_not_initialised": "The database has not been initialised. First run: "
    "python -m bot init --config {config}",
    "cli_chat_banner": "💬 Chat with the bot (user: {user}). Type /help for instructions, "
    "Ctrl+D to exit.",
    "cli_reply_with_number": "(Reply {numbers})",
    "cli_reply_with_range": "(Reply with a number from 1 to {last})",
    "cli_or": "or",
    "cli_demo_ready": "Demo: new database at {path}. You are «{user}» (role: {role}, "
    "{hamlet}); the first three hamlets have a few sample households. "
    "Try /help, /add, /progress (supervisor: --role supervisor, then /report).",
    "cli_run_starting": "The bot is running on: {channels}. HTTP server: {http}. Ctrl+C to stop.",
    "cli_file_attached": "[attachment: {path}]",
    # --- configuration errors (the setting named before them is wrong) ----------
    "cfg_timezone": "expected a zone name like Asia/Ho_Chi_Minh",
    "cfg_table": "expected a table",
    "cfg_bool": "expected true or false",
    "cfg_env_name": "expected the name of an environment variable",
    "cfg_text": "expected non-empty text",
    "cfg_list": "expected at least one [[{name}]] entry",
    "cfg_file_url": "expected an http(s) URL ending in /file/bot",
    "cfg_url": "expected an http(s) URL ending in /bot",
    "cfg_int": "expected a whole number ≥ {minimum}",
    "cfg_unique": "expected a unique code ('{code}' repeats)",
    "cfg_token": "expected a token like 123456:ABC… from @BotFather",
    "cfg_fail_rule": "needs a rule: failures ≥ 1 or max_failure_rate",
    "cfg_tolerance": "expected a fraction in [0, 1), like 0.05 (0: every change needs approval)",
    "cfg_fraction": "expected a fraction like 0.95",
    "cfg_folder": "expected a folder path",
    "cfg_end_date": "expected a date on or after campaign.start",
    "cfg_date": "expected a date like 2026-01-01",
    "cfg_db_url": "expected a URL like sqlite+aiosqlite:///data/bot.sqlite3 or postgresql+asyncpg://…",
    "cfg_language": "expected 'vi' or 'en'",
    "cfg_file_missing": "file {path} not found",
    "cfg_toml": "is not valid TOML ({error})",
    "cfg_table_missing": "a [{name}] table is required",
    "cfg_env_empty": "environment variable {name} is empty or not set",
    "cfg_token_missing": "a bot token from @BotFather, or token_env",
    "cfg_round_code": "expected a code of letters, digits, - or _, up to 16 characters",
    "cfg_round_end": "round '{code}': the last day cannot be before the first",
    "cfg_round_outside": "round '{code}' must lie within the campaign ({start} – {end})",
    "cfg_round_reserved": "the code '{code}' is reserved; choose another",
    "cfg_role": "expected one of: officer, hamlet_head, supervisor, admin",
    # --- spreadsheets (openpyxl / CSV) -------------------------------------------
    "xl_summary_sheet": "Summary",
    "xl_officers_sheet": "Officers",
    "xl_title": "Results report: {campaign} – {unit}",
    "xl_period": "Period: {start} – {end} · figures as of {as_of} · made {made}",
    "xl_col_rank": "Rank",
    "xl_col_code": "Hamlet code",
    "xl_col_hamlet": "Hamlet",
    "xl_col_total": "Households",
    "xl_col_guided": "Households guided",
    "xl_col_coverage": "Coverage",
    "xl_col_reached": "Reached {threshold}",
    "xl_col_target": "Households needed",
    "xl_col_required": "Procedures per household (special prize)",
    "xl_col_special": "Households qualifying for the special prize",
    "xl_col_new": "New households in period",
    "xl_col_entries": "Entries in period",
    "xl_col_active_days": "Days with an entry",
    "xl_col_period_days": "Days in period",
    "xl_col_pace": "Households a day needed",
    "xl_col_behind": "Behind pace",
    "xl_col_no": "No.",
    "xl_col_head": "Household head",
    "xl_col_address": "Address",
    "xl_col_phone": "Phone",
    "xl_col_shared_phone": "Shared phone",
    "xl_col_procedures": "Procedures guided",
    "xl_col_guided_on": "Date guided",
    "xl_col_dossier": "Dossier code",
    "xl_col_officer": "Recorded by",
    "xl_col_recorded_at": "Recorded at",
    "xl_col_note": "Note",
    "xl_col_last_entry": "Last entry",
    "xl_col_idle_days": "Days without an entry",
    "xl_col_inactive": "Inactive",
    "xl_yes": "Yes",
    "xl_no": "No",
    # --- charts (matplotlib) -------------------------------------------------------
    "chart_coverage_title": "Households guided per hamlet (as of {day})",
    "chart_coverage_axis": "Coverage (%)",
    "chart_threshold_line": "Target {pct}",
    "chart_cumulative_title": "{hamlet}: households guided, cumulative",
    "chart_cumulative_axis": "Households",
    "chart_actual": "Actual",
    "chart_pace_line": "Pace of 1 household/day",
    "chart_target_line": "Target {target} households ({pct})",
    "cfg_weekday": 'expected a day of the week, e.g. "monday"',
    "cfg_time": 'expected a time such as "07:30"',
    # --- reports (/report) ---------------------------------------------------------
    "period_since_start": "Since the start",
    "period_this_week": "This week",
    "period_last_week": "Last week",
    "period_this_month": "This month",
    "period_this_quarter": "This quarter",
    "period_last_quarter": "Last quarter",
    "period_q1": "Quarter 1",
    "period_q2": "Quarter 2",
    "period_q3": "Quarter 3",
    "period_q4": "Quarter 4",
    "period_half": "6-month review",
    "period_year": "Year-end review",
    "period_range": "From {start} to {end}",
    # A campaign over several years (issue 23): its span is a phase, never a year.
    "period_phase": "The whole phase",
    "period_phase_of": "Phase {start}–{end}",
    "period_since_start_phase": "Since the start of the phase",
    "period_year_of": "Year {year}",
    "period_quarter_of": "Q{n} {year}",
    "period_month_of": "Month {month}/{year}",
    "period_h1_of": "First half of {year}",
    "period_h2_of": "Second half of {year}",
    "report_period": "🗓 {name} ({start} – {end})",
    "report_title": "📊 Progress of the hamlets",
    "report_legend": "✅ reached {pct} of households · ⚠️ behind pace (will not make it in time)",
    "report_row_head": "{rank}. {hamlet} ({code}){marks}",
    "report_row_cover": "   {guided}/{total} households · {pct} · special prize: {special} "
    "(≥{n} proc.)",
    "report_row_cover_plain": "   {guided}/{total} households · {pct}",
    "report_row_pace": "   {new} · days with an entry {active}/{days} · {outlook}",
    "report_week_new": "this week +{n}",
    "report_period_new": "new +{n}",
    "report_outlook_behind": "needs {per_day} households a day on average to reach it by {end}",
    "report_outlook_on_pace": "on pace to reach it by {end} ({per_day} a day needed)",
    "report_outlook_ended": "the campaign ended ({end}) before it was reached",
    "report_reached": "target reached",
    "report_no_hamlets": "No hamlets yet.",
    "report_total": "Total: {guided}/{total} households ({pct}) · new in period: {new} · "
    "{reached}/{n} hamlets reached the target",
    "report_behind": "⚠️ Behind pace: {hamlets}",
    "report_rule_note_plain": "(Each household counts once.)",
    "report_rule_note": "(Each household counts once; special prize: households with the "
    "required number of procedures for the hamlet's size.)",
    "report_hamlet_title": "📊 {hamlet} ({code}){marks}",
    "report_hamlet_rank": "• Rank: {rank} of {n} hamlets",
    "report_hamlet_cover": "• Cumulative: {guided}/{total} households – {pct} (target {target})",
    "report_hamlet_special": "• Households qualifying for the special prize (≥{n} "
    "procedures): {special}",
    "report_hamlet_new": "• In period: {new} new households, {entries} entries "
    "(week {days}: +{week})",
    "report_hamlet_days": "• Days with an entry: {active}/{days}",
    "report_hamlet_behind": "⚠️ At the current pace the hamlet will not reach the target "
    "before the campaign ends.",
    "report_hamlet_behind_by": "⚠️ At the current pace the hamlet will not reach the target "
    "by {end}.",
    "report_officers_title": "👥 Officers (in period) – 💤 = no entry for {days}+ days:",
    "report_officer": "• {name}: {entries} entries · {days} days · last {last}{flag}",
    "report_inactive_flag": " 💤 {days} days without an entry",
    "report_never": "none",
    "report_no_officers": "• (no officers registered yet)",
    "report_menu": "Another period, one hamlet, or a spreadsheet:",
    "report_btn_custom": "📅 Pick dates",
    "report_btn_pick": "🏘 One hamlet",
    "report_btn_all": "📊 All hamlets",
    "report_btn_xlsx": "📥 Excel export",
    "report_pick_hamlet": "Choose a hamlet:",
    "report_ask_dates": "Type the first and last day, e.g. 01/04/2026 30/04/2026",
    "report_dates_invalid": "I could not read the dates. Type two dates as day/month/year, "
    "e.g. 01/04/2026 30/04/2026",
    "report_period_future": "This period starts on {start}: no figures yet. Please choose a "
    "period that has started.",
    "report_not_started": "The campaign «{campaign}» starts on {start}: no figures yet.",
    "report_earlier_hint": "The earlier campaign's figures: /baocao {code} (spreadsheet: /xuat "
    "{code}).",
    "earlier_campaign_notice": "📁 The earlier campaign «{campaign}» ({code}, {start} – {end}): "
    "its figures are read-only.",
    "report_dates_outside": "Those dates are outside the campaign ({start} – {end}). "
    "Please type them again.",
    "report_dates_reversed": "The last day must come after the first. Please type them again.",
    "report_not_allowed": "Reports are for hamlet heads and supervisors. "
    "See your hamlet's progress with /progress.",
    "report_outside_scope": "You can only see figures of the hamlets of {unit}.",
    "report_other_hamlet_refused": "You can only see your own hamlet's report.",
    "report_unknown_arg": "I did not understand «{arg}». Examples: /report, /report last_week, "
    "/report BNA, /report q1, /report 01/04/2026 30/04/2026",
    "report_chart_caption": "Chart: {name}",
    # --- weekly summary and daily reminder -------------------------------------------
    "weekly_title": "📬 Weekly summary {start} – {end}",
    "weekly_totals": "New households this week: {new} · cumulative: {guided}/{total} "
    "households ({pct})",
    "weekly_row": "{rank}. {hamlet}: +{new} · {guided}/{total} ({pct}){marks} · {change}",
    "weekly_rank_same": "same rank",
    "weekly_rank_up": "up {n}",
    "weekly_rank_down": "down {n}",
    "weekly_inactive": "💤 Officers without an entry for {days}+ days: {people}",
    "weekly_inactive_person": "{name} ({hamlet}, {days} days)",
    "weekly_footer": "Type /report for details and charts · /notify to turn this off.",
    "weekly_hamlet_title": "📬 Weekly summary {start} – {end} · {hamlet}",
    "weekly_hamlet_new": "• This week: {new} new households, {entries} entries, "
    "{active}/{days} days with an entry",
    "weekly_hamlet_rank": "• Rank: {rank} of {n} hamlets ({change})",
    "reminder_title": "⏰ Today ({day}) {hamlet} has no household recorded yet.",
    "reminder_streak": "The hamlet has a {hamlet_days}-day streak (yours: {own_days} days) "
    "– keep it going!",
    "reminder_no_streak": "Record a household today to start a new streak.",
    "reminder_footer": "Type /add to record a household. (Turn reminders off: /notify)",
    # --- /notify -------------------------------------------------------------------------
    "notify_title": "🔔 Your automatic messages:",
    "notify_summary_on": "• Weekly summary ({day} {time}): on",
    "notify_summary_off": "• Weekly summary ({day} {time}): off",
    "notify_reminder_on": "• Reminder at {time} when the hamlet has no entry yet: on",
    "notify_reminder_off": "• Reminder at {time} when the hamlet has no entry yet: off",
    "notify_none": "Your role gets no automatic messages.",
    "notify_btn_summary_off": "🔕 Weekly summary off",
    "notify_btn_summary_on": "🔔 Weekly summary on",
    "notify_btn_reminder_off": "🔕 Reminders off",
    "notify_btn_reminder_on": "🔔 Reminders on",
    "notify_btn_done": "Done",
    "notify_saved": "Saved.",
    "weekday_0": "Monday",
    "weekday_1": "Tuesday",
    "weekday_2": "Wednesday",
    "weekday_3": "Thursday",
    "weekday_4": "Friday",
    "weekday_5": "Saturday",
    "weekday_6": "Sunday",
    # --- /export -------------------------------------------------------------------------
    "export_ask_period": "Export a spreadsheet for which period?",
    "export_not_allowed": "Spreadsheet exports are for hamlet heads and supervisors.",
    "export_ready": "📥 Spreadsheet – {name}: {hamlets} hamlets, {rows} entries. It holds "
    "personal data – for the award review only, do not share publicly.",
    "export_ready_csv": "📥 CSV file ({part}) – {name}",
    "export_part_summary": "summary",
    "export_part_evidence": "evidence",
    "export_part_officers": "officers",
    "cmd_report": "Reports and charts (supervisors, hamlet heads)",
    "cmd_export": "Spreadsheet export (Excel/CSV)",
    "cmd_notify": "Weekly summary and reminders on/off",
    "cfg_order": "expected a list of metric names from: {known}",
    "cfg_must_match": "needs a list (may be empty) of: {known}",
    "cfg_rate": "expected a number in (0, 30], e.g. 25",
    "cli_period_dates": "expected two dates like 01/04/2026 inside the campaign, the second "
    "not before the first",
    "cli_period_kind": "expected one of: {kinds}",
    "cli_export_done": "Exported {hamlets} hamlets, {rows} entries (personal data – keep it "
    "private):",
    "cli_demo_all_hamlets": "following every hamlet",
    # --- verification in reports (issue 4) ---
    "report_checks_title": "🔎 Spot-checks (random households phoned, whole campaign):",
    "report_checks_total": "• Calls finished: {checked} households: ✅ {confirmed} confirmed · "
    "❌ {failed} failed{wrong_number} · 📵 {unverified} could not verify"
    "{review} · pass rate {rate}{open}",
    # Checks left to call: in the office's texts only (models/check_scope.py).
    "report_checks_open_total": " · {n} households left to call",
    "report_checks_row": "• {name}: {checked} households · ✅ {confirmed} · ❌ {failed}"
    "{wrong_number} · 📵 {unverified}{review} · pass {rate}{open}",
    "report_checks_open_row": " · {n} left to call",
    "report_checks_hamlet_name": "{hamlet} ({code})",
    "report_checks_overturned": " · ↩️ {n} overturned",
    "report_checks_undecided": " · ⏳ {n} not reviewed yet",
    "report_checks_wrong_number": " · ☎️ {n} wrong number(s)",
    "report_checks_wrong_number_row": " · ☎️ {n}",
    "report_checks_reason_wrong_number": ", {n} of them wrong number(s)",
    "report_checks_no_rate": "–",
    "report_checks_not_eligible": "🚫 Not eligible for awards: {items}",
    "report_checks_ne_hamlet": "{hamlet} ({reason})",
    "report_checks_ne_officer": "officer {name} – {code} ({reason})",
    "report_checks_reason_count": "{n} household(s) failed the check{wrong_number}",
    "report_checks_reason_rate": "{n}/{answered} answered checks failed{wrong_number}, above {max}",
    "weekly_checks": "🔎 Spot-checks: {open}{checked} finished: "
    "✅ {confirmed} · ❌ {failed}{wrong_number} · 📵 {unverified}{review}",
    "weekly_checks_open": "{n} households left to call · ",
    "vout_confirmed": "Confirmed",
    "vout_not_guided": "Household says not guided",
    "vout_wrong_details": "Wrong details",
    "vout_unreachable": "Unreachable",
    "vout_wrong_number": "Wrong number",
    "vout_could_not_verify": "Could not verify",
    "vdetail_procedure": "procedure",
    "vdetail_person": "person guided",
    "vdetail_date": "date guided",
    "vdetail_date_within": "(within {n} days)",
    "vdetail_date_beyond": "(more than {n} days off)",
    "xl_checks_sheet": "Checks",
    "xl_col_batch": "Batch",
    "xl_col_seed": "Random seed",
    "xl_col_outcome": "Outcome",
    "xl_col_detail": "What was wrong",
    "xl_col_attempts": "Call attempts",
    "xl_col_last_caller": "Last caller",
    "xl_col_last_call": "Last call",
    "xl_col_overturned": "Review decision",
    "xl_col_officer_reply": "Officer's reply",
    "xl_check_open": "Not called yet",
    "xl_check_deleted": "{outcome} – entry deleted after the draw",
    "xl_check_deleted_failed": "{outcome} – entry deleted after the draw, counts as failed",
    "xl_review_overturned": "Failure overturned – {reason}",
    "xl_review_upheld": "Failure kept – {reason}",
    "export_part_checks": "spot-checks",
    # --- verify CLI (issue 4) ---
    "verify_cli_rule": "{rule} (at least 1 per hamlet and 1 per officer)",
    "verify_cli_rule_count": "{rule} (no more than the hamlet has, at least 1 per officer)",
    "verify_cli_batch": "Spot-check batch #{id}: drawn {when} (Vietnam time) by {who}",
    "verify_cli_by_nobody": "not recorded",
    "verify_cli_seed": "Seed: {seed}",
    "verify_cli_rule_line": "Rule: {rule}",
    "verify_cli_hamlets": "Hamlets: {codes}",
    "verify_cli_population": "Drawn from {population} entries; stored list: {size} households",
    "verify_cli_list_head": "Stored list (call order · hamlet · entry · household head · "
    "officer · current result):",
    "verify_cli_row": "{position:>3}. {hamlet} · entry #{entry} · {name} · officer {officer}"
    "{flag} · {state}",
    "verify_cli_flagged": " · 🚩 flagged",
    "verify_cli_retry": "{outcome} ({attempts} tries), to call again",
    "verify_cli_voided": "entry deleted after the draw",
    "verify_cli_overturned": " – failure overturned",
    "verify_cli_match": "✓ Drawing again with the same seed gives exactly the stored list "
    "({n} households).",
    "verify_cli_mismatch": "✗ Drawing again with the same seed does NOT give the stored list "
    "({stored} stored, {redrawn} redrawn). Differences:",
    "verify_cli_diff": "  • Position {position}: stored {stored}, redrawn {redrawn}",
    "verify_cli_none": "(none)",
    "verify_cli_only_stored": "  • Stored but not redrawn: {entries}",
    "verify_cli_only_redrawn": "  • Redrawn but not stored: {entries}",
    "verify_cli_data_changed": "ℹ Note: the data the draw saw has changed since (data "
    "fingerprint differs – entries removed for good or moved to "
    "another hamlet, household or officer), so a different redraw "
    "may come from the data, not the seed.",
    "verify_cli_unknown": "No spot-check batch #{id}. List them: python -m bot verify "
    "--config … --list",
    "verify_cli_list_empty": "No spot-check batches yet.",
    "verify_cli_list_title": "{n} spot-check batches:",
    "verify_cli_list_row": "#{id} · {when} · {rule} · {size} households · {status}",
    "verify_cli_list_done": "done ({total}/{total})",
    "verify_cli_list_open": "open: {done}/{total} with a result, {open} left",
    # --- household roster files (danh sách hộ của ấp) --------------------------------
    "roster_err_empty": "The file has no households. Please check that the list is below the "
    "column header row, then send it again.",
    "roster_err_too_big": "The file is too big (max {limit_mb} MB). Please remove unneeded sheets "
    "or pictures, or split the list into several files.",
    "roster_err_too_many": "The list is too long (max {limit} households per file). Please split "
    "it into smaller files.",
    "roster_err_xls": "Old Excel files (.xls) cannot be read. Please open the file in Excel, "
    "choose File → Save As, pick «Excel Workbook (*.xlsx)» and send the new "
    "file.",
    "roster_err_format": "Only Excel (.xlsx) or CSV (.csv) lists are accepted. Please save the "
    "file in one of these formats and send it again.",
    "roster_err_unreadable": "This file cannot be opened (it may be damaged or "
    "password-protected). Please open it in Excel, save it as .xlsx "
    "(without a password) and send it again.",
    "roster_err_encoding": "The Vietnamese text in this CSV file cannot be read (it is not saved "
    "as UTF-8). Please open it in Excel and choose Save As → «CSV UTF-8 "
    "(Comma delimited)», or send an .xlsx file.",
    "roster_err_no_header": "No column header row found. It must be within the first 10 rows and "
    "have at least the columns «Họ tên chủ hộ» (head of household) and "
    "«Địa chỉ» (address); «Số điện thoại» (phone) and «Mã hộ» (household "
    "code) are optional.",
    "roster_err_missing_column": "The list has no «{column}» column. Please add it to the header "
    "row and send the file again.",
    "roster_err_name": "Row {row} – head of household: {detail}",
    "roster_err_address": "Row {row} – address: {detail}",
    "roster_err_phone": "Row {row} – phone number «{value}» is not valid: {detail}",
    "roster_err_code": "Row {row} – the household code is longer than {limit} characters. Please "
    "shorten it.",
    "roster_err_dup_code": "Row {row} – household code «{code}» is the same as on row {first}. "
    "Each household needs its own code.",
    "roster_err_dup_household": "Row {row} – this household (same head name and address) is "
    "already on row {first}. Please delete the repeated row, or make "
    "the address more precise if they are two households.",
    "roster_reason_name_empty": "empty. Please fill in the name.",
    "roster_reason_name_too_long": "longer than {limit} characters. Please write only the head of "
    "household's name.",
    "roster_reason_name_looks_like_phone": "looks like a phone number. Please check that the "
    "columns are not shifted.",
    "roster_reason_name_invalid": "not a name. Please write it in letters (e.g. Nguyễn Văn An).",
    "roster_reason_name_symbols": "may contain only letters and spaces (no digits or symbols).",
    "roster_reason_address_empty": "empty. Please fill in the address (e.g. Tổ 3, ấp Bãi Nhà A).",
    "roster_reason_address_too_long": "longer than {limit} characters. Please shorten it.",
    "roster_reason_address_invalid": "unclear. Please give a house number, group or hamlet name.",
    "roster_reason_address_symbols": "contains unusual characters (emoji or symbols). Please "
    "remove them.",
    "roster_reason_phone_empty": "empty.",
    "roster_reason_phone_letters": "only digits are allowed (spaces, dots, hyphens or +84 are "
    "fine).",
    "roster_reason_phone_short": "too short; mobile numbers have 10 digits (e.g. 0912 345 678).",
    "roster_reason_phone_long": "too long; mobile numbers have 10 digits (e.g. 0912 345 678).",
    "roster_reason_phone_invalid": "not a Vietnamese number (e.g. 0912 345 678 or landline 0297 3 "
    "830 123).",
    # --- rosters, /todo, /awards (issue 5) -------------------------------------------------
    "help_todo": "• /todo – households on the hamlet's roster not yet guided (near your area "
    "first); tap a name to log it",
    "help_roster": "Hamlet household roster: send a CSV or Excel (.xlsx) file here (columns: "
    "household head, address, phone, household code – the last two optional). "
    "Its row count becomes the hamlet's total households; a change beyond the "
    "allowed margin waits for Phòng VH-XH's approval.\n"
    "• /totals – changes of total households awaiting approval, and history "
    "(Phòng VH-XH approves or rejects)\n"
    "• /match – choose for guided households the bot could not place on the roster",
    "help_awards": "Awards:\n• /awards – award proposal (collectives, special prizes, individuals) "
    "with the evidence spreadsheet and each hamlet's dossier (submission, review "
    "minutes)\n• /awards_detail CODE – the households and checks behind a "
    "hamlet's figures\n• /awards_list – proposals made so far, final or draft\n"
    "• /awards_final NUMBER – mark the one the council decided as final (one per "
    "review; a new proposal is always a draft). A review counts only the checks "
    "of entries guided within it"
    "\n• /papers – the campaign's review report, the submission to the emulation "
    "council and the draft award decision with its list, from the final proposal "
    "(or a draft, marked as such)",
    "help_rules_roster": "Total households are Phòng VH-XH's decision: a household list that "
    "changes the total by more than {tolerance} waits for its approval "
    "(/totals), the old figure counting meanwhile; every change is kept "
    "with the day it applies from. A past period's figures use the total "
    "in force on its last day; current figures use today's. The configured "
    "figure is kept for reference.",
    # --- household totals: the office's decision (/totals) --------------------------
    "cmd_totals": "Total households: pending and history",
    "total_pending_line": "⏳ The new list's total ({total} households) awaits Phòng VH-XH's "
    "approval; figures still use {current} households.",
    "roster_preview_total_wait": "Total households on the list: {total} (in use: {before}; "
    "configured: {configured}). The change of {change} exceeds "
    "{tolerance}, so Phòng VH-XH must approve it: the list is "
    "imported now (for /todo), but coverage keeps counting "
    "{before} households until it is approved. Import this "
    "roster?",
    "roster_imported_wait": "✅ Imported {rows} households for {hamlet} (used by /todo).\n"
    "⏳ The hamlet's total households awaits approval by Phòng VH-XH "
    "({before} → {total}; configured: {configured}). Until then "
    "coverage keeps counting {before} households; you will be told "
    "the decision.",
    "roster_total_recorded": "The hamlet's total households: {before} → {total}, from {since} "
    "(kept in the totals' history; past periods keep the old figure).",
    "total_request_push": "⏳ Change of total households requested – {hamlet} ({code}):\n"
    "• In use: {before} → on the new list: {total} ({change})\n"
    "• Configured figure: {configured}\n"
    "• File {file}, imported by {who} at {at}\n"
    "Until decided, coverage keeps counting {before} households. "
    "Approve or reject: /totals",
    "total_approved_push": "✅ Phòng VH-XH approved {hamlet}'s total households: {before} → "
    "{total}, from {since}. Past periods keep the old figure.",
    "total_rejected_push": "❌ Phòng VH-XH did not approve the change of {hamlet}'s total "
    "households ({before} → {total}).\nReason: {reason}\nThe total "
    "stays {before}; the imported list is still used by /todo.",
    "total_note": "\nNote: {reason}",
    "total_note_inline": " – {reason}",
    "totals_not_allowed": "This command is for hamlet heads (to see) and Phòng VH-XH (to "
    "approve total households).",
    "totals_none_pending": "No change of total households is waiting. A hamlet's history: "
    "/totals CODE",
    "totals_unknown_hamlet": "No hamlet with code {code}. Codes: {codes}",
    "totals_pending_head": "⏳ Changes of total households awaiting approval ({n}):",
    "totals_pending_line": "• #{id} {hamlet} ({code}): in use {before} → on the list {total} "
    "({change}); configured {configured}; file {file}, imported by {who} "
    "at {at}",
    "totals_pending_hint": "Tap Approve or Reject (a reason is asked). An approved figure "
    "applies from today; past periods keep their figures. A hamlet's "
    "history: /totals CODE",
    "totals_btn_approve": "✅ Approve #{id} {code}",
    "totals_btn_reject": "❌ Reject #{id} {code}",
    "totals_btn_approve_plain": "✅ Approve, no note",
    "totals_ask_approve": "Approve {hamlet}'s total households: {before} → {total}, from today "
    "{since}. Type a reason or note (e.g. checked against the police "
    "household list), or tap “Approve, no note”.",
    "totals_ask_reject": "Reject the change of {hamlet}'s total households ({before} → "
    "{total}). Type the reason (sent to whoever imported the list):",
    "totals_reason_needed": "Please type the reason for rejecting.",
    "totals_approved": "✅ Approved: {hamlet}'s total households is {total} from {since} (was "
    "{before}). Past periods keep the old figure. Logged.",
    "totals_rejected": "Rejected; {hamlet}'s total households stays {before}. Whoever imported "
    "the list will be told the reason. Logged.",
    "totals_gone": "This change is no longer waiting (already decided, or replaced by a newer "
    "list).",
    "totals_cancelled": "Cancelled; nothing decided.",
    "totals_history_head": "📜 Total households of {hamlet} ({code}) – in use: {total} "
    "(configured: {configured}):",
    "totals_hist_initial": "• {total} from the start – {source}",
    "totals_hist_approved": "• {total} from {since} – {source}; decided by {who} at {at}{reason}",
    "totals_hist_pending": "• ⏳ {total} – {source}: awaiting Phòng VH-XH (imported {at}); "
    "meanwhile {before} is used",
    "totals_hist_rejected": "• ❌ {total} – {source}: not approved ({who}, {at}){reason}",
    "totals_hist_superseded": "• {total} – {source}: replaced by a later list ({at})",
    "totals_hist_more": "… and {n} earlier changes.",
    "totals_src_initial": "configured figure",
    "totals_src_config": "configured figure",
    "totals_src_roster": "household list (file {file})",
    "totals_office": "Phòng VH-XH",
    "totals_rule": "A period's figures use the total in force on its last day.",
    "cmd_todo": "Households not yet guided",
    "cmd_awards": "Award proposal (supervisors)",
    "cmd_awards_list": "Award proposals, mark the final one (supervisors)",
    "cmd_papers": "Review report, submission, draft award decision (supervisors)",
    "roster_not_allowed": "Only hamlet heads and supervisors can import a household roster. "
    "Please send the file to your hamlet head.",
    "roster_download_failed": "The file could not be downloaded (weak connection). Please send it "
    "again in a few minutes.",
    "roster_rejected": "❌ Roster not imported: {errors} rows need fixing (nothing was saved; "
    "{rows} other rows are fine). Fix these rows and send the whole file again:",
    "roster_more_errors": "… and {n} more rows to fix.",
    "roster_ask_hamlet": "{rows} households read. Which hamlet's roster is this?",
    "roster_preview": "📋 Household roster of {hamlet} (file {file}): {rows} households, {phones} "
    "with a phone, {codes} with a household code.",
    "roster_preview_replaces": "It will replace the roster in use ({rows} households; the old one "
    "is kept on record).",
    "roster_preview_total": "The hamlet's total households will be {total} (now: {before}). "
    "Import this roster?",
    "roster_btn_import": "✅ Import roster",
    "roster_cancelled": "Cancelled; the roster is unchanged.",
    "roster_upload_gone": "No file is waiting to be imported. Please send the file again.",
    "roster_imported": "✅ Imported {rows} households for {hamlet}. Its coverage now counts "
    "{rows} households.",
    "roster_matched": "Matched with guided households: {linked} linked (by phone, or by name + "
    "address); {unmatched} guided households are not on the roster.",
    "roster_ambiguous": "❓ {n} households could be more than one row (shared phone, or same "
    "name at another address): type /match to choose.",
    "roster_match_not_allowed": "Matching households to the roster is for hamlet heads and "
    "supervisors.",
    "roster_match_title": "❓ Match a household – {hamlet}",
    "roster_match_household": "Guided household: {name} – {address} – ☎️ {phone} (entry #{entry}, "
    "{officer})",
    "roster_match_candidates": "Which roster row is it?",
    "roster_match_row": "{n}. Row {row}: {name} – {address} – ☎️ {phone}",
    "roster_btn_row": "{n}. Row {row}",
    "roster_btn_skip": "⏭ Skip this one",
    "roster_linked": "✅ Linked to roster row {row}.",
    "roster_link_failed": "That row was just linked to another household; please choose again.",
    "roster_match_done": "✅ Nothing left to choose.",
    "roster_none_for_match": "No hamlet has a household roster yet. Send a CSV/Excel roster "
    "file here to import one.",
    "roster_match_stopped": "Stopped. Type /match to continue later.",
    "todo_ask_hamlet": "Households not yet guided in which hamlet?",
    "todo_unknown_hamlet": "There is no hamlet with code “{code}”.",
    "todo_no_roster": "{hamlet} has no household roster yet, so there is nothing to suggest. The "
    "hamlet head can send it here as a CSV or Excel file (columns: household "
    "head, address, phone, household code).",
    "todo_all_done": "🎉 Every household on the {hamlet} roster ({total}) has been guided!",
    "todo_title": "📋 {hamlet}: {waiting}/{total} households on the roster not yet guided.",
    "todo_near_first": "📍 = in the same area as households you guided (suggested first).",
    "todo_guided_earlier": " (guided in an earlier campaign, not yet in this one)",
    "todo_line": "{n}. {mark}{name} – {address} – ☎️ {phone}",
    "todo_line_plain": "• {mark}{name} – {address} – ☎️ {phone}",
    "todo_no_phone": "no phone yet",
    "todo_tap_hint": "Tap a household to log it now (name, address and phone filled in).",
    "todo_btn_log": "✍️ {n}. {name}",
    "todo_prefilled": "Logging {name} – details taken from the hamlet's roster.",
    "award_not_allowed": "Award proposals are for supervisors (culture & society office). Type "
    "/progress to see your hamlet's progress.",
    "award_unknown_arg": "Unknown review “{arg}”. Type /awards half, /awards year, or choose "
    "below.",
    "award_ask_period": "Which review is this for?",
    "award_outside": "That period lies outside the campaign.",
    "round_label": "{name} ({start} – {end})",
    "round_name_half": "6-month review",
    "round_name_year": "Year-end review {year}",
    "round_name_phase": "Phase review {first}–{last}",
    "round_name_since_start": "From the start to date",
    "round_name_dates": "Period {start} – {end}",
    "round_phrase_phase": "review of the phase {first}–{last}",
    "round_deadline": "Dossiers due at the culture & society office by {day}",
    "award_deadline": "⏰ {deadline}",
    "award_rounds_line": "• {review} – code {code}",
    "award_rounds_line_later": "• {review} – code {code} (starts {start})",
    "award_unknown_round": "Unknown review “{arg}”. Type {command} with a round's code, “year "
    "{year}” or “phase”, or choose below. The campaign's award rounds:\n{rounds}",
    "award_no_year_round": "No award round covers the year {year} on its own. The campaign's "
    "award rounds:\n{rounds}",
    "award_no_phase_round": "No award round covers the whole phase. The campaign's award "
    "rounds:\n{rounds}",
    "award_round_not_started": "The round “{review}” starts on {start}, so it cannot be reviewed "
    "yet. Please choose a round that has started.",
    "award_none_started": "No award round has started yet: the first, “{review}”, starts on "
    "{start}.",
    "doc_basis_plan_phase": "Pursuant to Plan No. ……/KH-UBND dated ……/……/{year} of the People's "
    "Committee of {unit} launching the emulation movement “{campaign}” for "
    "{year}–{last};",
    "op_basis_plan_phase": "Pursuant to Plan No. ……/KH-UBND of …… {year} of the People's "
    "Committee of {unit} launching the emulation movement “{campaign}” for "
    "{year}–{last};",
    "op_report_h_next_phase": "IV. TASKS FOR THE NEXT PHASE",
    "op_report_h_next_other": "IV. TASKS AHEAD",
    "award_head": "🏆 AWARD PROPOSAL #{id} – {review}",
    "award_snapshot": "Figures up to {as_of}, taken at {at} ({entries} entries).",
    "award_title_collective": "🏘 COLLECTIVES (at most {cap} hamlets)",
    "award_title_special": "⭐ SPECIAL PRIZES (at most {cap} hamlets)",
    "award_title_individual": "👤 INDIVIDUALS (at most {cap} people)",
    "award_rule_collective": "Rule: at least {pct} of the hamlet's households guided; no failed "
    "spot-check left unreviewed.",
    "award_rule_special": "Rule: every household guided through the required procedures – "
    "{large_n} per household in hamlets of {large}+ households, {small_n} "
    "in smaller ones; no failed spot-check.",
    "award_rule_individual": "Rule: households guided in the period; no failed spot-check.",
    "award_ranked_by": "Ranked by: {order}.",
    "award_metric_coverage": "share of households guided",
    "award_metric_special_share": "share meeting the procedures rule",
    "award_metric_guided": "households guided",
    "award_metric_active_days": "days with guidance",
    "award_metric_entries": "entries",
    "award_metric_households": "households guided",
    "award_line": "{rank}. {who} – {figures}",
    "award_rank": "rank {rank}",
    "award_hamlet_figures": "{pct} ({guided}/{total} households) · {required} procedures: "
    "{special_pct}",
    "award_officer_figures": "{households} households · {days} days with guidance",
    "award_checks_short": " · checks passed {ok}/{called}",
    "award_tied": "🤝 Tied at rank {rank}: {n} candidates for {seats} remaining places – the "
    "council chooses:",
    "award_none_collective": "No hamlet qualifies yet.",
    "award_none_special": "No hamlet qualifies yet.",
    "award_none_individual": "Nobody qualifies yet.",
    "award_over_cap": "Qualify but beyond the cap ({n}): {names}",
    "award_close": "⏳ Close: {who} – {figures}; {lacks}",
    "award_lacks_coverage": "{n} more households to reach {pct}",
    "award_lacks_special": "{n} households short of {required} procedures",
    "award_lacks_individual": "{n} households behind the last one proposed",
    "award_excluded": "🚫 Not eligible: {who} – {figures}; failed spot-check {checks} (see "
    "/verify_review)",
    "award_footer": "📊 The attached evidence spreadsheet lists every household, entry, dossier "
    "code and spot-check behind each figure. One hamlet: /awards_detail CODE.",
    "award_book_ready": "📊 Evidence spreadsheet of proposal #{id} ({households} households).",
    "award_menu": "Award dossiers of proposal #{id} (submission, review minutes, evidence list) – "
    "choose a hamlet:",
    "award_menu_none": "Proposal #{id} has no hamlet to prepare a dossier for.",
    "award_btn_dossier": "📄 Dossier {hamlet}",
    "award_btn_zip": "📦 All {n} dossiers (.zip)",
    "award_btn_done": "Done",
    "award_closed": "Closed. Type /awards for a new proposal.",
    "award_zip_ready": "📦 Award dossiers of {n} hamlets in one archive.",
    "award_detail_none": "No award proposal yet. Type /awards to make one.",
    "award_detail_usage": "Type /awards_detail CODE (from proposal #{id}). Codes: {codes}",
    "award_detail_head": "🔎 Proposal #{id} – {hamlet} (figures taken at {at}, entries up to "
    "#{max_entry})",
    "award_detail_total_roster": "• Total households: {total} from the list (configured "
    "{configured}) = rows of the household roster (file {file}, "
    "imported {at}).",
    "award_detail_total_config_list": "• Total households {total} = the configured figure (the "
    "list in use has {rows} households but is not approved "
    "as the total).",
    "award_detail_total_config": "• Total households {total} = the configured figure (no roster "
    "imported).",
    "award_detail_guided": "• Guided {guided} households ({pct}) = {listed} distinct households "
    "with a live entry, {start} – {as_of}.",
    "award_detail_special": "• With {required} procedures: {special} = {listed} households with "
    "{required} or more distinct procedures.",
    "award_detail_checks": "• Spot-checks: {called} calls with a result – ✅ {ok}, ❌ {failed}, "
    "☎️ wrong number {wrong_number}, ↩️ overturned {overturned}, 📵 "
    "{unreachable}; still to call {open}.",
    "award_detail_list": "First {n} households:",
    "award_detail_household": "  – {name}: {days}; {procedures} procedures; entries {entries}",
    "award_detail_more": "The full list is on the “{sheet}” sheet of the evidence spreadsheet.",
    "award_kind_collective": "Collective",
    "award_kind_special": "Special prize",
    "award_kind_individual": "Individual",
    "award_status_proposed": "Proposed",
    "award_status_tied": "Tied at the cap – council decides",
    "award_status_over_cap": "Qualifies, beyond the cap",
    "award_status_close": "Close",
    "award_status_excluded": "Not eligible (failed spot-check)",
    "award_xl_title": "Award proposal #{id} – {campaign} – {unit}",
    "award_xl_period": "{review} · figures up to {as_of} · taken at {at} · entries up to "
    "#{max_entry} · data id {fingerprint}",
    "award_xl_sheet_lines": "Proposal",
    "award_xl_sheet_households": "Households guided",
    "award_xl_sheet_officers": "Individuals",
    "award_xl_kind": "Award",
    "award_xl_status": "Result",
    "award_xl_total_source": "Total from",
    "award_xl_roster": "Household roster",
    "award_xl_configured": "Configuration",
    "award_xl_special_share": "Share meeting procedures rule",
    "award_xl_checks": "Spot-checks with a result",
    "award_xl_checks_ok": "Checks passed",
    "award_xl_checks_failed": "Checks failed",
    "award_xl_lacks": "Short by (households)",
    "award_xl_failed_ids": "Failed check cards",
    "award_xl_households": "Households guided",
    "award_xl_roster_code": "Household code (roster)",
    "award_xl_roster_row": "Roster row",
    "award_xl_procedure_count": "Distinct procedures",
    "award_xl_meets_rule": "Meets procedures rule",
    "award_xl_days": "Days guided",
    "award_xl_entries": "Entries",
    "award_xl_check_results": "Spot-check results",
    "award_xl_overturned": "overturned",
    # --- python -m bot roster (import / show) -------------------------------------------
    "cli_roster_no_file": "Cannot open «{path}» (no such file, or no permission to read it).",
    "cli_roster_total": "The hamlet's total households will be {total} (now: {before}).",
    "cli_roster_confirm": "Import this roster? (y/N) ",
    "cli_roster_needs_yes": "Nothing imported: cannot ask for confirmation when not run from a "
    "terminal (or with CI=true). Check the lines above, then run the "
    "command again with --yes to import.",
    "cli_roster_changed": "The roster of {hamlet} changed while waiting for confirmation; nothing "
    "imported. Please run the command again.",
    "cli_roster_show_row": "{code} · {hamlet}: {rows} households · file {file} · imported "
    "{when} · {linked} linked, {ambiguous} ambiguous",
    "cli_roster_show_none": "{code} · {hamlet}: no roster (total households from the "
    "configuration: {total})",
    # --- zalo, http server, download links ------------------------------------------
    "cfg_mode": 'expected "polling" or "webhook"',
    "cfg_https": "expected a public address starting with https://",
    "cfg_secret": "expected a secret of 8–256 letters, digits, _ or -",
    "cfg_base_url": "expected an address starting with http:// or https://",
    "cfg_port": "expected a port number from 1 to 65535",
    "cfg_zalo_token_missing": "expected the Zalo bot token (from the Zalo Bot Platform page) "
    "or token_env",
    "cfg_webhook_url": "webhook mode needs webhook_url or an https:// http.public_url",
    "cfg_unknown_key": "unknown key (the valid ones: docs/configuration.md)",
    "cfg_unknown_key_hint": "unknown key – did you mean «{hint}»?",
    "cfg_no_channel": "no channel enabled: set enabled = true in [telegram] or [zalo]",
    "zalo_text_only": "The bot only reads text messages. Please type your message (for "
    "example /help for the guide).",
    "download_link": "📎 Download {name} here: {url}\n(The link is for you only, works once "
    "and expires at {expires}.)",
    "download_unavailable": "📎 The file {name} cannot be sent on this channel and the server "
    "has no download address (http.public_url). Please get it through "
    "Telegram or ask an administrator to export it.",
    "download_refused_title": "The file cannot be downloaded",
    "download_unknown": "This link is not valid. Please open the exact link the bot sent.",
    "download_expired": "This link has expired. Please ask the bot for the file again to get "
    "a new link.",
    "download_used": "This link has already been used (each link works once). Please ask the "
    "bot for the file again to get a new link.",
    "download_role": "This link no longer works because its recipient's role or hamlet has "
    "changed. Please ask the bot for the file again.",
    "download_page": "{name} is ready. The link works once and expires at {expires}. If the "
    "download fails, ask the bot for the file again.",
    "download_button": "⬇️ Download",
    "cli_run_no_http": "off (no webhooks or download links configured)",
    "cli_run_channel_failed": "The {channel} channel could not start (error {code}: {error}). "
    "Check the {channel} token, base_url and the network.",
    # ZALO-HTTP-END
    # --- linking accounts across channels (/lienket, /taikhoan) -----------------------
    "link_channel_telegram": "Telegram",
    "link_channel_zalo": "Zalo",
    "link_channel_console": "computer (console)",
    "link_code_self": "🔗 Link code for your account (single use, expires at {expires}).\n"
    "To use the bot on another app (Zalo or Telegram): open the bot there and "
    "send the message below (or just the code). Your entries, role and "
    "hamlet stay the same.\n⚠️ Do not give this code to anyone else: whoever "
    "has it can use your account.",
    "link_code_for": "🔗 Link code for {name} ({who}), single use, expires at {expires}.\n"
    "Give it to that person only: they open the bot on the new app (Zalo or "
    "Telegram) and send the message below (or just the code).",
    "link_who_hamlet": "{role}, {hamlet}",
    "ask_link_pick": "Several people match «{query}». Who is the link code for?",
    "link_name_none": "No active user is named «{query}». Please check the name (with or "
    "without Vietnamese marks).",
    "link_name_many": "{count} people match «{query}». Please type a fuller name.",
    "link_name_admin_only": "Only administrators can create link codes for other people. For "
    "a code for your own account, send /lienket alone. If you are "
    "typing a code, it has 10 letters and digits.",
    "link_done": "✅ Linked! From now on you use the bot on {channel} with the account of "
    "{name} ({who}). Entries, role and hamlet stay the same.",
    "link_done_merged": "Your former separate account on {channel} (no households logged) "
    "has been merged into this one.",
    "link_already": "This {channel} account is already linked to your account; nothing more "
    "to do. The code still works on your other app.",
    "link_user_inactive": "The account this link code belongs to is no longer active, so it "
    "cannot be linked. Please contact an administrator.",
    "link_channel_taken": "Your account is already linked to another {channel} account, so "
    "this one cannot be added. To switch to this {channel} account, "
    "please ask an administrator to remove the old link (the admin types /people <your "
    "name> and chooses «Unlink {channel}»), then send the code again.",
    "link_has_entries": "This {channel} account is a separate account that already has "
    "{count} entries, so it cannot be merged into another account "
    "automatically. Please contact an administrator.",
    "accounts_title": "🔗 The account of {name} ({who}) uses the bot on:",
    "accounts_line": "• {channel} – linked on {day}{here}",
    "accounts_here": " (you are writing from here)",
    "accounts_hint": "To use the bot on another app (Zalo or Telegram) with the same account, "
    "send /lienket.",
    "help_link": "• /lienket (/link) – use the bot on both Zalo and Telegram with one "
    "account; /taikhoan (/accounts) – see the linked apps",
    "help_link_admin": "• /lienket NAME – create a link code for someone "
    "(e.g. /lienket Nguyễn Văn An)",
    # LINKING-END
    # UNITS
    "report_units_title": "📊 Progress by commune",
    "report_unit_row": "{rank}. {unit}: {guided}/{total} households ({pct}) · "
    "{reached}/{n} hamlets reached · new +{new}",
    "report_units_hint": "To see one commune's hamlets: /report {example} (accents optional).",
    "report_unit_title": "🏛 {unit} – {n} hamlets",
    "report_ask_unit": "Type the name of the commune to show (e.g. Hon Tre):",
    "report_unit_unknown": "No commune called «{text}». Please type its name again "
    "(the proper name is enough, e.g. Hon Tre).",
    "weekly_inactive_count": "💤 {n} officers have logged nothing for {days}+ days "
    "(see each commune's /report).",
    # UNITS-END
    # CAPTURE
    "saved_new": "✅ Household saved (entry #{id}):",
    "saved_same_household": "✅ This visit was added to the existing household (entry #{id}):",
    "saved_other_household": "✅ Saved as a separate household, noted as sharing a phone "
    "number with another household (entry #{id}):",
    "saved_separate_household": "✅ Saved as a separate household (entry #{id}):",
    "saved_undo_hint": "Typed by mistake? Press «↩️ Undo» within {minutes} minutes.",
    "opt_undo": "↩️ Undo",
    "typed_edit": "edit {id}",
    "typed_undo": "undo {id}",
    "cli_type_word": "• {label}: type «{word}»",
    "late_message": "ℹ️ This message was written at {written} but arrived at {arrived}, so the "
    "guidance date follows when it was written. If that is wrong, press "
    "«✏️ Edit».",
    "undone": "↩️ Entry #{id} ({name}) undone: it no longer counts; the log keeps it. Send the "
    "correct line again if needed.",
    "undo_gone": "There is no entry #{id} to undo (already deleted, or not one of yours).",
    "undo_too_late": "Entry #{id} was saved more than {minutes} minutes ago, so it can no "
    "longer be undone quickly. To delete it, type /delete {id} with a reason.",
    "undo_reason": "Undone right after saving",
    "edit_cancelled": "Edit cancelled; the entry stays as it was.",
    "one_line_example": "I could not read a household in this message. One message per "
    "household, for example:\nNguyễn Văn An, Tổ 3 ấp Bãi Nhà A, "
    "0912 345 678, khai sinh\n(name, address, phone, procedures; "
    "optionally a dossier code and a date; separated by commas, ; or new "
    "lines). Or type /add to be asked field by field.",
    "ask_for_household": "Household {name}:",
    "ask_name_check": "The name was typed as «{typed}». Did you mean «{name}»?",
    "opt_name_use": "Yes: {name}",
    "opt_name_keep": "Keep as typed",
    "draft_unnamed": "(no name yet)",
    "draft_set_aside": "📝 The household {name} you were entering is kept. Type /next to "
    "continue it.",
    "question_set_aside": "ℹ️ The previous question was set aside to handle this message.",
    "queued": "📥 Household {name} received. It needs a question, asked as soon as the "
    "current household is done.",
    "queue_next": "➡️ Next, household {name}:",
    "drafts_waiting": "📝 {count} household(s) not saved yet (first: {name}). Type /next to "
    "continue.",
    "drafts_busy": "You are answering a question about a household; the next one comes "
    "right after.",
    "drafts_none": "No household is waiting to be finished.",
    "draft_resumed": "➡️ Continuing household {name}:",
    "question_expired": "This question was sent a while ago; please check it and answer:",
    "menu_expired": "The previous question has expired. Please type the command again "
    "(/help lists them).",
    "answer_before_question": "«{text}» was sent before the question below reached you, so "
    "it was not taken as the answer. Please read the question and "
    "answer again:",
    "dup_reason_phone": "same phone number",
    "dup_reason_name_address": "same name and address",
    "dup_reason_similar": "similar name and address",
    "opt_dup_other": "Another household – same name only",
    "opt_dup_other_phone": "Another household (shares the phone number)",
    "cmd_next": "Continue a household in progress",
    "cmd_start": "Start (with your invite code)",
    "date_invalid": (
        "I could not read the date «{text}». Type day/month (e.g. 15/03 or "
        "15/03/2026), or «hôm nay», «hôm qua», «thứ 2»."
    ),
    "date_no_such_day": "«{text}» is not a real date. Please check the day and month.",
    "date_future": (
        "{day} has not come yet (today is {today}). Please enter the day the household was guided."
    ),
    "date_before_campaign": (
        "{day} is before the campaign started ({start}). Please check the date."
    ),
    "date_after_campaign": "{day} is after the campaign ended ({end}). Please check the date.",
    "still_open": "⏳ Still waiting for your answer:",
    "cancelled_household": "Household {name} cancelled; nothing was saved.",
    "not_understood_staff": "I did not understand this message. Type /help for the commands "
    "you can use.",
    "quality_title": "🔎 Data quality warnings – entries worth a call:",
    "quality_none": "🔎 No unusual pattern found in the entries so far.",
    "quality_kind_late": "⏰ Recorded late ({days} days or more after the guidance day): {count}",
    "quality_kind_burst": "⚡ Bursts ({n} entries or more within {minutes} minutes, one "
    "officer): {count}",
    "quality_kind_night": "🌙 Recorded at night ({start} – {end}): {count}",
    "quality_kind_phone_hamlets": "📞 One phone number in several hamlets: {count}",
    "quality_kind_dossier_repeat": "🧾 A dossier code used for several households: {count}",
    "quality_kind_reentered": "♻️ Households deleted and entered again: {count}",
    "quality_entry": "#{id} {name} ({day})",
    "quality_and_more": " and {count} more",
    "quality_more": "  … and {count} more cases",
    "quality_detail_late": "recorded {value} days later",
    "quality_detail_burst": "{value} entries",
    "quality_detail_night": "at {value}",
    "quality_detail_phone_hamlets": "{value} hamlets",
    "quality_detail_dossier_repeat": "code {value}",
    "quality_detail_reentered": "",
    "quality_short_late": "late",
    "quality_short_burst": "burst",
    "quality_short_night": "night",
    "quality_short_phone_hamlets": "phone in several hamlets",
    "quality_short_dossier_repeat": "repeated dossier code",
    "quality_short_reentered": "deleted and re-entered",
    "opt_quality_flag": "🚩 Put {count} «{what}» entries in the next draw",
    "quality_flag_reason": "Warning: {what}",
    "quality_flagged": "🚩 {count} «{what}» entries flagged: they will be in the next "
    "verification draw.",
    "quality_closed": "Warnings closed.",
    "cmd_quality": "Data quality warnings (supervisors)",
    # CAPTURE-END
}
