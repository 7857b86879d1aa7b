"""Messages for finding a household (/tim, a phone number alone), adding a procedure to a
household already guided, the households still short of the special prize, and the pages
and filters of /cuatoi and /sua."""

from __future__ import annotations

VI: dict[str, str] = {
    "cmd_find": "Tìm hộ theo tên hoặc số điện thoại",
    "help_find": "• /tim – tìm hộ đã ghi theo tên (không cần dấu, vd: /tim hung) hoặc số điện "
    "thoại; gửi riêng một số điện thoại cũng được. Ở mỗi hộ, bấm «➕ Thêm thủ tục» để ghi lần "
    "hướng dẫn tiếp theo (chỉ chọn thủ tục và ngày)",
    "help_find_staff": "• /tim – tìm hộ đã ghi theo tên (không cần dấu) hoặc số điện thoại, "
    "xem các thủ tục đã hướng dẫn và giải đặc biệt còn thiếu gì",
    "find_ask": "🔎 Gõ tên chủ hộ (vài chữ, không cần dấu, vd: hung) hoặc số điện thoại của hộ "
    "cần tìm. Gõ /huy để thôi.",
    "find_too_short": "Từ cần tìm quá ngắn. Gõ ít nhất 2 chữ cái của tên (vd: /tim hung) hoặc "
    "một số điện thoại.",
    "find_digits_short": "Số cần tìm quá ngắn. Gõ ít nhất 4 chữ số của số điện thoại (vd: "
    "/tim 0912 hoặc /tim 345 678), vài chữ của tên (vd: /tim hung), hoặc số mục có dấu # "
    "(vd: /tim #12).",
    "find_too_long": "Từ cần tìm quá dài (tối đa {limit} ký tự). Gõ vài chữ của tên hoặc số "
    "điện thoại.",
    "find_none": "🔎 Không tìm thấy hộ nào khớp «{query}» trong {scope}.",
    "find_none_hint": "Thử gõ ít chữ hơn (vd: chỉ tên gọi) hoặc số điện thoại khác.",
    "find_scope_hamlet": "{hamlet}",
    "find_scope_unit": "các ấp thuộc {unit}",
    "find_scope_all": "các ấp",
    "find_title": "🔎 Tìm «{query}»: {total} hộ.",
    "find_title_page": "🔎 Tìm «{query}»: {total} hộ (đang xem {first}–{last}).",
    "find_card": "{n}. 👤 {name} · ☎️ {phone}\n   🏠 {address}",
    "find_card_plain": "• 👤 {name} · ☎️ {phone}\n   🏠 {address}",
    "find_card_hamlet": "   📍 {hamlet}",
    "find_visit": "   📋 {day}: {procedures} – {officer} ghi",
    "find_more_visits": "   … và {count} lần hướng dẫn trước đó",
    "find_prize_missing": "   🏆 Giải đặc biệt: cần thêm {missing} thủ tục (đã có "
    "{done}/{required})",
    "find_prize_done": "   🏆 Giải đặc biệt: đã đủ {required} thủ tục ✅",
    "find_more_hint": "Bấm «Xem thêm» để xem các hộ tiếp theo.",
    "find_add_hint": "Bấm «➕ Thêm thủ tục» ở một hộ để ghi lần hướng dẫn mới cho hộ đó.",
    "find_opt_add": "➕ Thêm thủ tục – {name}",
    "find_opt_more": "Xem thêm",
    "find_end": "Đã hết danh sách.",
    "find_gone": "Không tìm thấy hộ này (có thể đã bị xóa hoặc không thuộc phạm vi của "
    "anh/chị). Gõ /tim để tìm lại.",
    "find_add_refused": "Chỉ cán bộ và trưởng ấp của ấp có hộ này mới thêm thủ tục cho hộ được.",
    "find_all_done": "Hộ {name} đã được hướng dẫn tất cả các thủ tục trong danh sách. Không "
    "còn thủ tục nào để thêm.",
    "find_visit_intro": "➕ Thêm thủ tục cho hộ {name} ({phone}). Đã có: {done}.",
    "find_ask_procedures": "📋 Lần này hướng dẫn thêm thủ tục nào? Bấm một thủ tục, hoặc gõ số "
    "thứ tự (nhiều thủ tục: 1, 3).",
    "find_saved_prize_missing": "🏆 Hộ này: đã có {done}/{required} thủ tục, cần thêm "
    "{missing} thủ tục cho giải đặc biệt.",
    "find_saved_prize_done": "🏆 Hộ này đã đủ {required} thủ tục cho giải đặc biệt ✅",
    "find_phone_none": "☎️ Chưa có hộ nào có số điện thoại này trong {scope}. Để ghi hộ mới, "
    "gửi một tin: Họ tên, Địa chỉ, Số điện thoại, Thủ tục.",
    "find_entry_none": "🔎 Không có mục #{id} trong {scope} (có thể đã bị xóa hoặc không thuộc "
    "phạm vi của anh/chị). Tìm theo tên hoặc số điện thoại, vd: /tim hung, /tim 0912.",
    # /chuahuongdan: households short of the special prize
    "todo_lacking_title": "🏆 Hộ đã hướng dẫn nhưng chưa đủ {required} thủ tục cho giải đặc "
    "biệt: {total} hộ.",
    "todo_lacking_line": "{n}. {name} – {address} – ☎️ {phone} (đã có {done}, cần thêm {missing})",
    "todo_lacking_line_plain": "• {name} – {address} – ☎️ {phone} (đã có {done}, cần thêm "
    "{missing})",
    "todo_lacking_title_first": "🏆 Hộ đã hướng dẫn nhưng chưa đủ {required} thủ tục cho giải "
    "đặc biệt: {total} hộ (đang xem {shown} hộ đầu).",
    "todo_lacking_title_page": "🏆 Hộ đã hướng dẫn nhưng chưa đủ {required} thủ tục cho giải "
    "đặc biệt: {total} hộ (đang xem hộ thứ {first}–{last}).",
    "todo_lacking_more_hint": "Bấm «Xem thêm hộ chưa đủ thủ tục» để xem các hộ tiếp theo.",
    "todo_opt_lacking_more": "Xem thêm hộ chưa đủ thủ tục",
    "todo_lacking_hint": "Bấm «➕» ở một hộ để ghi thêm thủ tục cho hộ đó.",
    "todo_btn_add": "➕ {n}. {name}",
    # /cuatoi and /sua
    "mine_title_filtered": "🗂 {total} mục khớp «{filter}» (đang xem {first}–{last}):",
    "mine_title_page": "🗂 Các mục anh/chị đã ghi: {total} mục (đang xem {first}–{last}):",
    "mine_none_filtered": "Không có mục nào của anh/chị khớp «{filter}».",
    "mine_filter_hint": "Lọc: /cuatoi tên (vd: /cuatoi hùng), /cuatoi 12/2026 (tháng), "
    "/cuatoi 06/12/2026 (ngày) hoặc /cuatoi 0912 345 678 (số điện thoại).",
    "mine_bad_month": "Tháng «{text}» không đúng. Gõ tháng/năm, vd: /cuatoi 12/2026.",
    "mine_bad_day": "Ngày «{text}» không đúng. Gõ ngày/tháng/năm, vd: /cuatoi 06/12/2026.",
    "mine_more_hint": "Bấm «Xem thêm» để xem các mục tiếp theo.",
    # A typed procedure that does not name exactly one procedure offered
    "procedure_had": "Hộ đã có {name}.",
    "procedure_had_on": "Hộ đã có {name} (ngày {day}).",
    "procedure_partial": "Chưa rõ «{token}» là thủ tục nào, có thể là: {names}. Bấm hoặc gõ "
    "số thứ tự của thủ tục đúng.",
    "procedure_partial_other": "Nếu lần này là thủ tục khác, có thể là: {names}. Bấm hoặc gõ "
    "số thứ tự của thủ tục đúng.",
    "find_visit_cancelled": "Đã thôi thêm thủ tục cho hộ {name}; chưa lưu gì.",
    "pick_more": "Xem thêm",
}

EN: dict[str, str] = {
    "cmd_find": "Find a household by name or phone",
    "help_find": "• /find – find a logged household by name (accents optional, e.g. /find "
    "hung) or phone; a phone number sent alone works too. On a household, tap «➕ Add a "
    "procedure» to log the next visit (just the procedure and the date)",
    "help_find_staff": "• /find – find a logged household by name (accents optional) or phone, "
    "with the procedures guided and what the special prize still needs",
    "find_ask": "🔎 Type the household head's name (a few letters, accents optional, e.g. "
    "hung) or the household's phone. /cancel to stop.",
    "find_too_short": "That is too short to search for. Type at least 2 letters of the name "
    "(e.g. /find hung) or a phone number.",
    "find_digits_short": "That number is too short to search for. Type at least 4 digits of "
    "the phone (e.g. /find 0912 or /find 345 678), a few letters of the name (e.g. /find hung), "
    "or an entry number with # (e.g. /find #12).",
    "find_too_long": "That is too long to search for (at most {limit} characters). Type a few "
    "letters of the name or a phone number.",
    "find_none": "🔎 No household matches «{query}» in {scope}.",
    "find_none_hint": "Try fewer letters (e.g. the given name only) or another phone number.",
    "find_scope_hamlet": "{hamlet}",
    "find_scope_unit": "the hamlets of {unit}",
    "find_scope_all": "any hamlet",
    "find_title": "🔎 «{query}»: {total} households.",
    "find_title_page": "🔎 «{query}»: {total} households (showing {first}–{last}).",
    "find_card": "{n}. 👤 {name} · ☎️ {phone}\n   🏠 {address}",
    "find_card_plain": "• 👤 {name} · ☎️ {phone}\n   🏠 {address}",
    "find_card_hamlet": "   📍 {hamlet}",
    "find_visit": "   📋 {day}: {procedures} – logged by {officer}",
    "find_more_visits": "   … and {count} earlier visits",
    "find_prize_missing": "   🏆 Special prize: needs {missing} more procedure(s) "
    "({done}/{required} so far)",
    "find_prize_done": "   🏆 Special prize: all {required} procedures done ✅",
    "find_more_hint": "Tap «More» for the next households.",
    "find_add_hint": "Tap «➕ Add a procedure» on a household to log a new visit to it.",
    "find_opt_add": "➕ Add a procedure – {name}",
    "find_opt_more": "More",
    "find_end": "That is the end of the list.",
    "find_gone": "This household cannot be found (it may have been deleted, or it is outside "
    "what you can see). Use /find to search again.",
    "find_add_refused": "Only the officers and the head of the household's hamlet can add a "
    "procedure to it.",
    "find_all_done": "Household {name} has been guided through every procedure on the list. "
    "There is none left to add.",
    "find_visit_intro": "➕ Add a procedure for household {name} ({phone}). Already: {done}.",
    "find_ask_procedures": "📋 Which procedure did you guide this time? Tap one, or type its "
    "number (several: 1, 3).",
    "find_saved_prize_missing": "🏆 This household: {done}/{required} procedures, "
    "{missing} more needed for the special prize.",
    "find_saved_prize_done": "🏆 This household now has the {required} procedures the special "
    "prize needs ✅",
    "find_phone_none": "☎️ No household with this phone in {scope} yet. To log a new one, "
    "send: Name, Address, Phone, Procedure.",
    "find_entry_none": "🔎 There is no entry #{id} in {scope} (it may have been deleted, or it "
    "is outside what you can see). Search by name or phone, e.g. /find hung, /find 0912.",
    "todo_lacking_title": "🏆 Guided households without the {required} procedures the special "
    "prize needs: {total}.",
    "todo_lacking_line": "{n}. {name} – {address} – ☎️ {phone} ({done} so far, {missing} more "
    "needed)",
    "todo_lacking_line_plain": "• {name} – {address} – ☎️ {phone} ({done} so far, {missing} "
    "more needed)",
    "todo_lacking_title_first": "🏆 Guided households without the {required} procedures the "
    "special prize needs: {total} (showing the first {shown}).",
    "todo_lacking_title_page": "🏆 Guided households without the {required} procedures the "
    "special prize needs: {total} (showing {first}–{last}).",
    "todo_lacking_more_hint": "Tap «More households short of the prize» for the next ones.",
    "todo_opt_lacking_more": "More households short of the prize",
    "todo_lacking_hint": "Tap «➕» on a household to log another procedure for it.",
    "todo_btn_add": "➕ {n}. {name}",
    "mine_title_filtered": "🗂 {total} entries match «{filter}» (showing {first}–{last}):",
    "mine_title_page": "🗂 Your entries: {total} (showing {first}–{last}):",
    "mine_none_filtered": "None of your entries match «{filter}».",
    "mine_filter_hint": "Filter: /mine name (e.g. /mine hung), /mine 12/2026 (a month), "
    "/mine 06/12/2026 (a day) or /mine 0912 345 678 (a phone).",
    "mine_bad_month": "«{text}» is not a month. Type month/year, e.g. /mine 12/2026.",
    "mine_bad_day": "«{text}» is not a date. Type day/month/year, e.g. /mine 06/12/2026.",
    "mine_more_hint": "Tap «More» for the next entries.",
    "procedure_had": "The household already has {name}.",
    "procedure_had_on": "The household already has {name} (on {day}).",
    "procedure_partial": "It is not clear which procedure «{token}» is; it may be: {names}. Tap "
    "or type the number of the right one.",
    "procedure_partial_other": "If this visit was for another procedure, it may be: {names}. "
    "Tap or type the number of the right one.",
    "find_visit_cancelled": "Stopped adding a procedure for household {name}; nothing was saved.",
    "pick_more": "More",
}
