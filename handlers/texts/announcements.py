"""Messages for announcements."""

from __future__ import annotations

VI: dict[str, str] = {
    "cmd_announce": "Gửi thông báo chung cho cán bộ, trưởng ấp (giám sát)",
    "help_announce": "📢 Thông báo chung:\n"
    "• /thongbaochung – gửi một thông báo cho cán bộ ấp, trưởng ấp (tất cả các ấp anh/chị "
    "phụ trách hoặc một ấp); xem trước rồi mới gửi, mỗi người nhận một lần\n"
    "• /thongbaochung ketqua – số người đã nhận, đã chặn bot, gửi lỗi của các thông báo "
    "gần đây",
    "announce_not_allowed": "Thông báo chung dành cho cán bộ giám sát (Phòng VH-XH) và người "
    "quản trị. Cần báo gì cho ấp, anh/chị nhắn Phòng VH-XH giúp.",
    "announce_no_hamlets": "Anh/chị chưa phụ trách ấp nào đang tham gia phong trào nên chưa "
    "gửi được thông báo.",
    "announce_ask_audience": "📢 Thông báo chung – gửi cho ai?",
    "announce_audience_officers": "Cán bộ ấp",
    "announce_audience_heads": "Trưởng ấp",
    "announce_audience_both": "Cả cán bộ và trưởng ấp",
    "announce_ask_where": "Gửi cho {who} ở đâu? Chọn tất cả hoặc một ấp (gõ số, mã hoặc tên ấp "
    "cũng được).",
    "announce_where_all": "tất cả các ấp",
    "announce_where_unit": "các ấp của {unit}",
    "announce_option_all": "Tất cả các ấp",
    "announce_option_unit": "Tất cả các ấp của {unit}",
    "announce_hamlet_unknown": "Không có ấp «{code}» trong các ấp anh/chị phụ trách. Anh/chị "
    "chọn lại trong danh sách giúp.",
    "announce_ask_text": "Anh/chị gõ nội dung thông báo trong một tin nhắn (tối đa {limit} ký "
    "tự). Gõ /huy để thôi.",
    "announce_text_empty": "Chưa có nội dung. Anh/chị gõ nội dung thông báo bằng chữ giúp.",
    "announce_text_too_long": "Thông báo dài {length} ký tự, quá mức {limit} ký tự. Anh/chị "
    "rút gọn rồi gửi lại giúp (hoặc chia làm hai thông báo).",
    "announce_preview_title": "👀 Xem trước – người nhận sẽ thấy:",
    "announce_preview_reach": "Gửi cho {who}, {where}: {people} ở {hamlets} ấp, mỗi người một "
    "lần, trên ứng dụng họ dùng gần nhất.",
    "announce_reach_officers": "{count} cán bộ ấp",
    "announce_reach_heads": "{count} trưởng ấp",
    "announce_reach_both": "{count} người ({officers} cán bộ ấp, {heads} trưởng ấp)",
    "announce_preview_unreachable": "⚠️ {count} người đã chặn bot (hoặc không còn dùng ứng "
    "dụng nào) nên sẽ không nhận được.",
    "announce_ask_confirm": "Gửi thông báo này?",
    "announce_send": "📤 Gửi",
    "announce_edit": "✏️ Sửa nội dung",
    "announce_cancel": "Hủy",
    "announce_confirm_hint": "Anh/chị chọn «Gửi», «Sửa nội dung» hoặc «Hủy» giúp.",
    "announce_cancelled": "Đã hủy, chưa gửi thông báo nào.",
    "announce_nobody": "Không có ai để gửi: {where} chưa có {who} nào dùng bot được. Chưa gửi gì.",
    "announce_nobody_here": "⚠️ Chưa có {who} nào dùng bot được ở {where} (chưa ai đăng ký, "
    "hoặc đã chặn bot), nên thông báo sẽ không đến ai. Anh/chị chọn ấp khác (hoặc tất cả các "
    "ấp), hoặc gõ /huy để thôi.",
    "announce_nobody_anywhere": "⚠️ Chưa có {who} nào dùng bot được ở {where}, nên thông báo "
    "sẽ không đến ai. Anh/chị chọn người nhận khác, hoặc gõ /huy để thôi.",
    "announce_duplicate": "Thông báo này (cùng nội dung, cùng người nhận) đã gửi hôm nay lúc "
    "{time} (#{id}) nên không gửi lại. Xem kết quả: /thongbaochung ketqua",
    "announce_queued": "✅ Đã nhận thông báo #{id}: đang gửi cho {count} người, từng tin một "
    "theo nhịp cho phép. Gửi xong bot sẽ báo lại số người đã nhận; xem lúc nào cũng được: "
    "/thongbaochung ketqua",
    "announce_who_officers": "cán bộ ấp",
    "announce_who_heads": "trưởng ấp",
    "announce_who_both": "cán bộ và trưởng ấp",
    "announce_pushed": "📢 Thông báo của Phòng VH-XH ({sender}, {date})\n\n{text}",
    "announce_report_title": "📊 Kết quả thông báo #{id} ngày {date} (gửi {who}, {where}):",
    "announce_report_more": "Xem lại: /thongbaochung ketqua",
    "announce_quote": "«{text}»",
    "announce_tally_delivered": "✅ Đã nhận: {count}",
    "announce_tally_blocked": "🚫 Đã chặn bot, không nhận được: {count}",
    "announce_tally_failed": "❌ Gửi lỗi: {count}",
    "announce_tally_uncertain": "❔ Không rõ đã đến chưa (gửi bị ngắt giữa chừng): {count}",
    "announce_tally_pending": "⏳ Đang gửi: {count}",
    "announce_results_title": "📢 Thông báo chung gần đây:",
    "announce_results_none": "Chưa có thông báo chung nào. Gửi thông báo: /thongbaochung",
    "announce_results_entry": "#{id} · {date} · {sender} → {who}, {where} ({state})",
    "announce_state_done": "đã gửi xong",
    "announce_state_sending": "đang gửi",
}

EN: dict[str, str] = {
    "cmd_announce": "Send an announcement to officers and heads (supervisors)",
    "help_announce": "📢 Announcements:\n"
    "• /announce – send a message to hamlet officers and heads (every hamlet you cover, or "
    "one); you see a preview first, and each person gets it once\n"
    "• /announce results – delivered, blocked and failed for recent announcements",
    "announce_not_allowed": "Announcements are for supervisors (the culture and social "
    "affairs office) and admins. To tell the hamlets something, ask the office.",
    "announce_no_hamlets": "You cover no hamlet in the campaign, so there is nobody to "
    "announce to.",
    "announce_ask_audience": "📢 Announcement – who is it for?",
    "announce_audience_officers": "Hamlet officers",
    "announce_audience_heads": "Hamlet heads",
    "announce_audience_both": "Officers and heads",
    "announce_ask_where": "Send to {who} where? Choose all or one hamlet (a number, the "
    "hamlet's code or name works too).",
    "announce_where_all": "every hamlet",
    "announce_where_unit": "the hamlets of {unit}",
    "announce_option_all": "Every hamlet",
    "announce_option_unit": "All hamlets of {unit}",
    "announce_hamlet_unknown": "There is no hamlet «{code}» among those you cover. Please "
    "choose one from the list.",
    "announce_ask_text": "Type the announcement in one message (at most {limit} characters). "
    "Type /cancel to stop.",
    "announce_text_empty": "There is no text yet. Please type the announcement.",
    "announce_text_too_long": "The announcement is {length} characters, over the limit of "
    "{limit}. Please shorten it (or send it as two announcements).",
    "announce_preview_title": "👀 Preview – this is what people will see:",
    "announce_preview_reach": "To {who}, {where}: {people} in {hamlets} hamlets, once each, "
    "on the app they used last.",
    "announce_reach_officers": "{count} officers",
    "announce_reach_heads": "{count} heads",
    "announce_reach_both": "{count} people ({officers} officers, {heads} heads)",
    "announce_preview_unreachable": "⚠️ {count} people blocked the bot (or use no app any "
    "more) and will not get it.",
    "announce_ask_confirm": "Send this announcement?",
    "announce_send": "📤 Send",
    "announce_edit": "✏️ Edit the text",
    "announce_cancel": "Cancel",
    "announce_confirm_hint": "Please choose «Send», «Edit the text» or «Cancel».",
    "announce_cancelled": "Cancelled; nothing was sent.",
    "announce_nobody": "Nobody to send to: {where} has no {who} who can use the bot. Nothing "
    "was sent.",
    "announce_nobody_here": "⚠️ No {who} can use the bot in {where} (nobody registered, or "
    "they blocked it), so the announcement would reach nobody. Choose another hamlet (or "
    "every hamlet), or type /cancel to stop.",
    "announce_nobody_anywhere": "⚠️ No {who} can use the bot in {where}, so the announcement "
    "would reach nobody. Choose other recipients, or type /cancel to stop.",
    "announce_duplicate": "This announcement (same text, same people) was already sent today "
    "at {time} (#{id}), so it is not sent again. Results: /announce results",
    "announce_queued": "✅ Announcement #{id} accepted: going out to {count} people, one "
    "message at a time at the allowed pace. You will get the numbers when it is done; see "
    "them any time with /announce results",
    "announce_who_officers": "hamlet officers",
    "announce_who_heads": "hamlet heads",
    "announce_who_both": "officers and heads",
    "announce_pushed": "📢 Announcement from the culture and social affairs office ({sender}, "
    "{date})\n\n{text}",
    "announce_report_title": "📊 Results of announcement #{id} of {date} (to {who}, {where}):",
    "announce_report_more": "See again: /announce results",
    "announce_quote": "«{text}»",
    "announce_tally_delivered": "✅ Delivered: {count}",
    "announce_tally_blocked": "🚫 Blocked the bot, not delivered: {count}",
    "announce_tally_failed": "❌ Failed: {count}",
    "announce_tally_uncertain": "❔ Unknown whether it arrived (the send was cut short): {count}",
    "announce_tally_pending": "⏳ Still sending: {count}",
    "announce_results_title": "📢 Recent announcements:",
    "announce_results_none": "No announcements yet. Send one: /announce",
    "announce_results_entry": "#{id} · {date} · {sender} → {who}, {where} ({state})",
    "announce_state_done": "done",
    "announce_state_sending": "sending",
}
