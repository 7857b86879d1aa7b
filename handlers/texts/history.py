"""Messages of /lichsu: a household's history (entries, edits, deletions, spot-checks, the
household-list link) and one person's recent changes (issue 21, item 3)."""

from __future__ import annotations

VI: dict[str, str] = {
    "cmd_history": "Lịch sử một hộ: ai ghi, sửa, xóa, kiểm tra (trưởng ấp, giám sát)",
    "help_history": "• /lichsu TÊN, SỐ ĐIỆN THOẠI hoặc #MÃ_LƯỢT – lịch sử một hộ: từng lượt "
    "ghi nhận, mỗi lần sửa (trước → sau), xóa và lý do, ảnh/PDF biên nhận (gắn, xóa), kết quả "
    "kiểm tra, khớp danh sách hộ – ai làm, lúc nào",
    "help_history_office": "• /lichsu canbo TÊN – các thay đổi gần đây của một cán bộ (ghi "
    "mới, sửa, xóa)",
    "history_usage": "Gõ /lichsu kèm tên chủ hộ, số điện thoại hoặc mã lượt, ví dụ:\n"
    "/lichsu Nguyễn Văn An\n/lichsu 0912 345 678\n/lichsu #12",
    "history_usage_office": "Xem thay đổi của một cán bộ: /lichsu canbo TÊN, ví dụ /lichsu "
    "canbo Lan.",
    "history_officer_refused": "Lịch sử từng hộ dành cho trưởng ấp và cán bộ giám sát. Các hộ "
    "anh/chị đã ghi: gõ /cuatoi; sửa hoặc xóa: /sua, /xoa.",
    "history_none_found": "Không tìm thấy hộ nào khớp «{query}» trong phạm vi anh/chị được "
    "xem. Thử gõ một phần họ tên không dấu, số điện thoại hoặc mã lượt (#12).",
    "history_too_many": "Có hơn {count} hộ khớp «{query}». Anh/chị gõ cụ thể hơn (thêm tên "
    "đệm, hoặc số điện thoại).",
    "history_pick": "Có {count} hộ khớp «{query}». Chọn hộ để xem lịch sử:",
    "history_pick_label": "{name} – {address}",
    "history_pick_label_deleted": "{name} – {address} (đã xóa)",
    "history_stale": "Lựa chọn này không còn hiệu lực (hoặc anh/chị không còn được xem hộ "
    "này). Gõ lại /lichsu.",
    "history_title": "📜 Lịch sử hộ {name}\n{address} · {phone} · {hamlet}",
    "history_live": "Lượt ghi nhận còn hiệu lực: {n}",
    "history_live_none": "Không còn lượt ghi nhận nào còn hiệu lực (hộ không được tính).",
    "history_empty": "Chưa có sự kiện nào anh/chị được xem.",
    "history_dropped": "(… {n} mục cũ hơn không hiện)",
    "history_line": "• {when} · {who}: {what}",
    "history_system": "hệ thống",
    "history_logged": "ghi nhận lượt #{id} – {procedures}; ngày hướng dẫn {day}{dossier}",
    "history_logged_plain": "ghi nhận lượt #{id}; ngày hướng dẫn {day}{dossier}",
    "history_dossier": "; mã hồ sơ {code}",
    "history_edited": "sửa lượt #{id}: {changes}",
    "history_household_edited": "sửa thông tin hộ: {changes}",
    "history_change": "{label} {before} → {after}",
    "history_deleted": "xóa lượt #{id} – lý do: {reason}",
    "history_undone": "hoàn tác lượt #{id} (xóa ngay sau khi lưu)",
    "history_flagged": "đánh dấu lượt #{id} để đưa vào lần kiểm tra sau{reason}",
    "history_drawn": "lượt #{id} được chọn vào danh sách kiểm tra (phiếu #{check})",
    "history_called": "gọi kiểm tra lượt #{id}: {outcome}",
    "history_checked": "kiểm tra lượt #{id}: {outcome}{note}",
    "history_replied": "giải trình về kiểm tra lượt #{id}: «{text}»",
    "history_overturned": "xem xét lại kiểm tra lượt #{id}: không tính là không đạt – lý do: "
    "{text}",
    "history_upheld": "xem xét lại kiểm tra lượt #{id}: giữ kết quả không đạt – lý do: {text}",
    "history_reason": " (lý do: {text})",
    "history_note": " – ghi chú: {text}",
    "history_attached": "gắn {files} biên nhận vào lượt #{id}",
    "history_viewed": "xem {files} biên nhận của lượt #{id}",
    "history_purged": "xóa hẳn {files} biên nhận của lượt #{id} – lý do: {reason}",
    "history_roster": "khớp với danh sách hộ: dòng {row}{code} {how}",
    "history_roster_code": " (mã hộ {code})",
    "history_how_phone": "theo số điện thoại",
    "history_how_name": "theo họ tên và địa chỉ",
    "history_how_chosen": "do người chọn",
    "history_empty_value": "(trống)",
    "history_yes": "có",
    "history_no": "không",
    "history_field_head_name": "Họ tên:",
    "history_field_address": "Địa chỉ:",
    "history_field_phone": "Số điện thoại:",
    "history_field_shares_phone": "Dùng chung số điện thoại:",
    "history_field_guided_on": "Ngày hướng dẫn:",
    "history_field_procedures": "Thủ tục:",
    "history_field_dossier_code": "Mã hồ sơ:",
    "history_field_note": "Ghi chú:",
    # --- one person's changes (office) --------------------------------------------------
    "history_person_office_only": "Xem thay đổi của một cán bộ dành cho cán bộ giám sát.",
    "history_person_usage": "Gõ /lichsu canbo kèm tên cán bộ, ví dụ /lichsu canbo Lan.",
    "history_person_none": "Không tìm thấy cán bộ nào tên «{query}» trong phạm vi anh/chị "
    "phụ trách.",
    "history_person_many": "Có hơn {count} người khớp «{query}». Anh/chị gõ cụ thể hơn.",
    "history_person_pick": "Có {count} người khớp «{query}». Chọn người:",
    "history_person_title": "🧾 Thay đổi gần đây của {name} (mới nhất trước, trang {page}):",
    "history_person_empty": "{name} chưa có thay đổi nào trên các hộ trong phạm vi anh/chị "
    "phụ trách.",
    "history_person_end": "Hết danh sách.",
    "history_person_line": "• {when} · {what}",
    "history_person_logged": "ghi mới lượt #{id} – {household} ({hamlet}): {procedures}",
    "history_person_edited": "sửa lượt #{id} – {household} ({hamlet}): {changes}",
    "history_person_household": "sửa thông tin hộ {household} ({hamlet}): {changes}",
    "history_person_deleted": "xóa lượt #{id} – {household} ({hamlet}), lý do: {reason}",
    "history_more": "Xem thêm",
    "history_more_hint": "Bấm «Xem thêm» để xem các thay đổi cũ hơn.",
}

EN: dict[str, str] = {
    "cmd_history": "A household's history: who logged, edited, deleted, checked (heads, office)",
    "help_history": "• /history NAME, PHONE or #ENTRY – a household's history: every entry, "
    "each edit (before → after), deletions and their reason, receipts (attached, deleted), "
    "spot-check results, the household-list link – who and when",
    "help_history_office": "• /history officer NAME – an officer's recent changes (new, "
    "edited, deleted entries)",
    "history_usage": "Type /history with the head's name, a phone number or an entry number, "
    "e.g.:\n/history Nguyen Van An\n/history 0912 345 678\n/history #12",
    "history_usage_office": "An officer's changes: /history officer NAME, e.g. /history "
    "officer Lan.",
    "history_officer_refused": "A household's history is for hamlet heads and the office. "
    "Your own entries: /mine; to edit or delete: /edit, /delete.",
    "history_none_found": "No household matching «{query}» in what you may see. Try part of "
    "the name without accents, a phone number or an entry number (#12).",
    "history_too_many": "More than {count} households match «{query}». Please be more "
    "specific (a middle name, or the phone).",
    "history_pick": "{count} households match «{query}». Choose one:",
    "history_pick_label": "{name} – {address}",
    "history_pick_label_deleted": "{name} – {address} (deleted)",
    "history_stale": "This choice is no longer valid (or you may no longer see this "
    "household). Type /history again.",
    "history_title": "📜 History of the household {name}\n{address} · {phone} · {hamlet}",
    "history_live": "Entries in force: {n}",
    "history_live_none": "No entry in force (the household does not count).",
    "history_empty": "Nothing you may see has happened yet.",
    "history_dropped": "(… {n} older items not shown)",
    "history_line": "• {when} · {who}: {what}",
    "history_system": "the system",
    "history_logged": "logged entry #{id} – {procedures}; guided on {day}{dossier}",
    "history_logged_plain": "logged entry #{id}; guided on {day}{dossier}",
    "history_dossier": "; dossier code {code}",
    "history_edited": "edited entry #{id}: {changes}",
    "history_household_edited": "edited the household: {changes}",
    "history_change": "{label} {before} → {after}",
    "history_deleted": "deleted entry #{id} – reason: {reason}",
    "history_undone": "undid entry #{id} (deleted right after saving)",
    "history_flagged": "flagged entry #{id} for the next draw{reason}",
    "history_drawn": "entry #{id} drawn for a spot-check (card #{check})",
    "history_called": "called about entry #{id}: {outcome}",
    "history_checked": "spot-check of entry #{id}: {outcome}{note}",
    "history_replied": "explained the check of entry #{id}: «{text}»",
    "history_overturned": "reviewed the check of entry #{id}: no longer counted as failed – "
    "reason: {text}",
    "history_upheld": "reviewed the check of entry #{id}: failure upheld – reason: {text}",
    "history_reason": " (reason: {text})",
    "history_note": " – note: {text}",
    "history_attached": "attached receipts to entry #{id}: {files}",
    "history_viewed": "looked at the receipts of entry #{id}: {files}",
    "history_purged": "deleted the receipts of entry #{id} for good ({files}) – reason: {reason}",
    "history_roster": "matched to the household list: row {row}{code} {how}",
    "history_roster_code": " (household code {code})",
    "history_how_phone": "by phone",
    "history_how_name": "by name and address",
    "history_how_chosen": "chosen by a person",
    "history_empty_value": "(empty)",
    "history_yes": "yes",
    "history_no": "no",
    "history_field_head_name": "Name:",
    "history_field_address": "Address:",
    "history_field_phone": "Phone:",
    "history_field_shares_phone": "Shared phone:",
    "history_field_guided_on": "Guided on:",
    "history_field_procedures": "Procedures:",
    "history_field_dossier_code": "Dossier code:",
    "history_field_note": "Note:",
    # --- one person's changes (office) --------------------------------------------------
    "history_person_office_only": "An officer's changes are for the office.",
    "history_person_usage": "Type /history officer with a name, e.g. /history officer Lan.",
    "history_person_none": "Nobody named «{query}» in your scope.",
    "history_person_many": "More than {count} people match «{query}». Please be more specific.",
    "history_person_pick": "{count} people match «{query}». Choose one:",
    "history_person_title": "🧾 Recent changes by {name} (newest first, page {page}):",
    "history_person_empty": "{name} has made no change to households in your scope.",
    "history_person_end": "End of the list.",
    "history_person_line": "• {when} · {what}",
    "history_person_logged": "new entry #{id} – {household} ({hamlet}): {procedures}",
    "history_person_edited": "edited entry #{id} – {household} ({hamlet}): {changes}",
    "history_person_household": "edited the household {household} ({hamlet}): {changes}",
    "history_person_deleted": "deleted entry #{id} – {household} ({hamlet}), reason: {reason}",
    "history_more": "More",
    "history_more_hint": "Press «More» for older changes.",
}
