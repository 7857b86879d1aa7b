"""Messages for receipts and photos attached to entries as evidence, and shared contacts."""

from __future__ import annotations

VI: dict[str, str] = {
    "att_photos": "{n} ảnh",
    "att_pdfs": "{n} tệp PDF",
    "att_files_and": "{first}, {second}",
    "att_attached": "📎 Đã gắn {files} vào mục #{id} – {name}.",
    "att_album_same": "📎 Đã gắn thêm {files} vào mục #{id} – {name} (cùng nhóm ảnh).",
    "att_already_photo": "📎 Ảnh này đã gắn vào mục #{id} – {name} rồi; không gắn thêm lần nữa.",
    "att_already_pdf": "📎 Tệp PDF này đã gắn vào mục #{id} – {name} rồi; không gắn thêm lần nữa.",
    "att_already_many": "📎 {files} này đã gắn vào mục #{id} – {name} rồi; không gắn thêm lần nữa.",
    "att_caption_not_kept": "📝 Chú thích «{caption}» không phải dòng thông tin hộ nên không "
    "được lưu (ghi hộ mới: Họ tên; Địa chỉ; Số điện thoại; Thủ tục).",
    "att_waiting_household": "📎 {files} được giữ cùng hộ {name}; sẽ gắn vào khi hộ được lưu.",
    "att_ask_pick": "📎 Đã nhận {files}. Gắn vào hộ nào? (các hộ anh/chị ghi gần đây nhất)",
    "att_ask_pick_dropped": "📎 Hộ gửi kèm {files} chưa được lưu.",
    "att_btn_entry": "#{id} {name} · {day}",
    "att_btn_none": "Không gắn",
    "att_added_to_question": "📎 Đã nhận thêm {files} (tổng {total}). Chọn hộ ở câu hỏi phía "
    "trên để gắn tất cả.",
    "att_not_kept": "Đã bỏ qua: {files} không được lưu.",
    "att_abandoned": "📎 {files} chưa gắn vào hộ nào nên không được lưu. Khi cần, anh/chị gửi "
    "lại ảnh.",
    "att_dropped_with_household": "📎 {files} gửi kèm hộ {name} không được lưu vì hộ chưa được "
    "ghi.",
    "att_no_entries": "Anh/chị chưa ghi hộ nào nên chưa gắn được {files}; tệp không được lưu. "
    "Hãy gửi lại ảnh, ghi dòng thông tin hộ làm chú thích, ví dụ: Lê Văn Tư; Tổ 2; "
    "0912 000 888; 1",
    "att_cannot_log": "Bot nhận ảnh hoặc PDF biên nhận để gắn vào hộ do cán bộ ấp ghi. Tài "
    "khoản của anh/chị không ghi hộ nên tệp không được lưu.",
    "att_wrong_type": "Bot chỉ nhận ảnh (JPEG, PNG, WebP) hoặc tệp PDF biên nhận để gắn vào hộ "
    "đã ghi. Tệp «{name}» không phải loại đó nên không được lưu.",
    "att_accepts": "Bot nhận từ anh/chị: ảnh hoặc tệp PDF biên nhận để gắn vào hộ đã ghi (gửi "
    "ảnh, ghi dòng thông tin hộ làm chú thích nếu là hộ mới).",
    "att_too_big": "Tệp quá lớn: mỗi tệp tối đa {limit_mb} MB. Anh/chị gửi ảnh chụp màn hình "
    "hoặc ảnh nhỏ hơn nhé. Tệp này không được lưu.",
    "att_failed": "Chưa tải được tệp do đường truyền yếu. Anh/chị vui lòng gửi lại sau ít phút.",
    "att_entry_gone": "Không tìm thấy mục #{id} trong các hộ anh/chị đã ghi.",
    "att_file_gone": "Tệp đã chờ quá {days} ngày nên không còn; anh/chị gửi lại ảnh nhé.",
    # Shared contacts
    "att_contact_prefilled": "📇 Đã lấy số {phone} từ danh bạ.",
    "att_contact_prefilled_named": "📇 Đã lấy tên {name} và số {phone} từ danh bạ.",
    "att_contact_bad_phone": "Số trong danh bạ không phải số điện thoại Việt Nam hợp lệ nên "
    "chưa dùng được. Gõ /them để ghi hộ và nhập số.",
    # Viewing: /tep
    "cmd_files": "Xem ảnh, PDF biên nhận của một mục",
    "att_files_usage": "Gõ /tep SỐ_MỤC, ví dụ /tep 12 (số mục xem ở /cuatoi).",
    "att_files_none": "Mục #{id} chưa có ảnh hay PDF biên nhận nào.",
    "att_files_not_found": "Không tìm thấy mục này trong phạm vi của anh/chị. Số mục xem ở "
    "/cuatoi.",
    "att_files_title": "📎 Biên nhận của mục #{id} – {name}: {files}.",
    "att_file_caption": "📎 Mục #{id} · {n}/{total} · gửi lúc {at}",
    "att_files_purged": "🗑 {files} của mục #{id} đã bị xóa hẳn lúc {at}, người xóa: {who}; "
    "lý do: {reason}.",
    "cli_file_personal": "[{name} · {size} KB – tệp có thông tin cá nhân: chỉ gửi qua ứng "
    "dụng nhắn tin, bản tạm đã xóa]",
    "att_zip_folder": "anh-bien-nhan",
    "help_files": "📎 Biên nhận: gửi ảnh (hoặc PDF) kèm dòng thông tin hộ làm chú thích thì "
    "hộ được ghi và ảnh gắn vào hộ; gửi ảnh không chú thích thì bot hỏi gắn vào hộ nào. "
    "Xem lại: /tep SỐ_MỤC.",
    # Purging: /xoatep
    "cmd_purge_files": "Xóa hẳn ảnh, PDF biên nhận của một mục (văn phòng)",
    "att_purge_usage": "Gõ /xoatep SỐ_MỤC LÝ_DO, ví dụ /xoatep 12 chụp nhầm giấy tờ khác.",
    "att_purge_not_allowed": "Chỉ cán bộ giám sát (văn phòng) mới xóa được tệp biên nhận.",
    "att_purge_ask_reason": "Lý do xóa {files} của mục #{id} – {name}? (ít nhất {min} ký tự; "
    "được ghi lại)",
    "att_purge_reason_short": "Lý do cần ít nhất {min} ký tự.",
    "att_purge_confirm": "Xóa hẳn {files} của mục #{id} – {name}?\nLý do: {reason}\nTệp bị xóa "
    "khỏi máy chủ, không khôi phục được; việc xóa được ghi lại.",
    "att_btn_purge": "🗑 Xóa hẳn",
    "att_btn_keep": "Thôi, giữ lại",
    "att_purged": "🗑 Đã xóa {files} của mục #{id}. Lý do được ghi lại.",
    "att_purge_kept": "Đã giữ nguyên tệp của mục #{id}.",
    "help_purge_files": "🗑 /xoatep SỐ_MỤC LÝ_DO: xóa hẳn ảnh, PDF biên nhận của một mục (mục "
    "đã xóa vẫn giữ tệp cho đến khi văn phòng xóa).",
    # The call card, the evidence workbook
    "verify_card_files": "📎 {files} biên nhận",
    "verify_btn_files": "📎 Xem biên nhận",
    "xl_col_files": "Số tệp minh chứng",
}

EN: dict[str, str] = {
    "att_photos": "{n} photo(s)",
    "att_pdfs": "{n} PDF file(s)",
    "att_files_and": "{first}, {second}",
    "att_attached": "📎 Attached {files} to entry #{id} – {name}.",
    "att_album_same": "📎 Attached {files} more to entry #{id} – {name} (same album).",
    "att_already_photo": "📎 This photo is already attached to entry #{id} – {name}; not "
    "attached again.",
    "att_already_pdf": "📎 This PDF is already attached to entry #{id} – {name}; not attached "
    "again.",
    "att_already_many": "📎 These {files} are already attached to entry #{id} – {name}; not "
    "attached again.",
    "att_caption_not_kept": "📝 The caption «{caption}» is not a household's line, so it was "
    "not kept (a new household: Name; Address; Phone; Procedures).",
    "att_waiting_household": "📎 {files} kept with household {name}; attached once it is saved.",
    "att_ask_pick": "📎 Got {files}. Attach to which household? (your latest entries)",
    "att_ask_pick_dropped": "📎 The household sent with {files} was not saved.",
    "att_btn_entry": "#{id} {name} · {day}",
    "att_btn_none": "Don't attach",
    "att_added_to_question": "📎 Got {files} more ({total} in all). Choose the household in "
    "the question above to attach them all.",
    "att_not_kept": "Skipped: {files} not kept.",
    "att_abandoned": "📎 {files} not attached to any household, so not kept. Send the photo "
    "again when needed.",
    "att_dropped_with_household": "📎 {files} sent with household {name} not kept: the "
    "household was not saved.",
    "att_no_entries": "You have no entries yet, so {files} could not be attached and was not "
    "kept. Send the photo again with the household's line as its caption, e.g.: Lê Văn Tư; "
    "Tổ 2; 0912 000 888; 1",
    "att_cannot_log": "The bot takes photos or PDF receipts to attach to households logged by "
    "hamlet officers. Your account does not log households, so the file was not kept.",
    "att_wrong_type": "The bot only takes photos (JPEG, PNG, WebP) or PDF receipts to attach to "
    "logged households. «{name}» is neither, so it was not kept.",
    "att_accepts": "What the bot takes from you: photos or PDF receipts to attach to logged "
    "households (send a photo with the household's line as caption for a new one).",
    "att_too_big": "File too large: at most {limit_mb} MB each. Please send a screenshot or a "
    "smaller photo. This file was not kept.",
    "att_failed": "Could not download the file (weak connection). Please send it again in a "
    "few minutes.",
    "att_entry_gone": "No entry #{id} among the households you logged.",
    "att_file_gone": "The file waited more than {days} days and is gone; please send it again.",
    "att_contact_prefilled": "📇 Took the number {phone} from the contact.",
    "att_contact_prefilled_named": "📇 Took the name {name} and the number {phone} from the "
    "contact.",
    "att_contact_bad_phone": "The contact's number is not a valid Vietnamese phone number. "
    "Type /them to log the household and type the number.",
    "cmd_files": "See an entry's photo or PDF receipts",
    "att_files_usage": "Type /tep ENTRY_NUMBER, e.g. /tep 12 (numbers in /cuatoi).",
    "att_files_none": "Entry #{id} has no photo or PDF receipt.",
    "att_files_not_found": "No such entry within your scope. Entry numbers are in /mine.",
    "att_files_title": "📎 Receipts of entry #{id} – {name}: {files}.",
    "att_file_caption": "📎 Entry #{id} · {n}/{total} · sent {at}",
    "att_files_purged": "🗑 {files} of entry #{id} deleted for good on {at} by {who}; reason: "
    "{reason}.",
    "cli_file_personal": "[{name} · {size} KB – holds personal data: sent through the "
    "messaging apps only, the scratch copy is deleted]",
    "att_zip_folder": "receipts",
    "help_files": "📎 Receipts: send a photo (or PDF) with the household's line as caption: "
    "the household is logged and the photo attached; without caption the bot asks which "
    "household. See them again: /tep ENTRY_NUMBER.",
    "cmd_purge_files": "Delete an entry's photo or PDF receipts for good (office)",
    "att_purge_usage": "Type /xoatep ENTRY_NUMBER REASON, e.g. /xoatep 12 photo of another paper.",
    "att_purge_not_allowed": "Only supervisors (the office) can delete receipts.",
    "att_purge_ask_reason": "Why delete {files} of entry #{id} – {name}? (at least {min} "
    "characters; recorded)",
    "att_purge_reason_short": "The reason needs at least {min} characters.",
    "att_purge_confirm": "Delete {files} of entry #{id} – {name} for good?\nReason: {reason}\n"
    "The files leave the server and cannot be restored; the deletion is recorded.",
    "att_btn_purge": "🗑 Delete for good",
    "att_btn_keep": "No, keep them",
    "att_purged": "🗑 Deleted {files} of entry #{id}. The reason is recorded.",
    "att_purge_kept": "Kept the files of entry #{id}.",
    "help_purge_files": "🗑 /xoatep ENTRY_NUMBER REASON: delete an entry's receipts for good "
    "(a deleted entry keeps its files until the office deletes them).",
    "verify_card_files": "📎 {files} of receipts",
    "verify_btn_files": "📎 See receipts",
    "xl_col_files": "Evidence files",
}
