"""Vietnamese messages (the default language). Keys are shared with en.py."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # --- general --------------------------------------------------------------------
    "error_internal": "Xin lỗi, hệ thống vừa gặp sự cố nên chưa xử lý được tin nhắn này. "
    "Dữ liệu đã lưu trước đó không bị ảnh hưởng. Anh/chị vui lòng thử lại "
    "sau ít phút.",
    "too_long_message": "Tin nhắn quá dài (tối đa {limit} ký tự). Anh/chị vui lòng gửi "
    "ngắn gọn hơn.",
    "unknown_command": "Không có lệnh /{command}. Gõ /help để xem các lệnh dùng được.",
    "stale_button": "Nút này thuộc một câu hỏi trước đó nên không còn hiệu lực.",
    "choose_option": "Anh/chị vui lòng chọn một lựa chọn bên dưới: gõ số thứ tự (hoặc bấm "
    "nút, nếu có).",
    "not_understood": "Tôi chưa hiểu tin nhắn này. Để ghi một hộ, gửi một tin: Họ tên, Địa "
    "chỉ, Số điện thoại, Thủ tục – hoặc gõ /them để được hỏi từng mục. Gõ "
    "/help để xem hướng dẫn.",
    "not_understood_empty": "Tôi chỉ đọc được tin nhắn chữ. Gõ /help để xem hướng dẫn.",
    "none": "(không có)",
    "cancelled": "Đã hủy. Gõ /them để ghi hộ mới.",
    "cancelled_plain": "Đã hủy.",
    "nothing_to_cancel_kept": "Không có câu hỏi nào đang chờ để hủy. Còn {n} hộ đang nhập dở được "
    "giữ lại: gõ /tiep để nhập tiếp (rồi /huy nếu muốn bỏ hộ đó).",
    "nothing_to_cancel": "Không có thao tác nào đang dở để hủy.",
    "dialog_replaced": "Phần nhập dở trước đó đã được bỏ qua, bắt đầu ghi hộ mới.",
    "default_user_name": "Cán bộ",
    "language_set": "Đã chuyển sang tiếng Việt. (Gõ /lang en for English.)",
    # --- verification spot-checks (/kiemtra) -------------------------------------------
    "verify_not_allowed": "Rút mẫu và gọi kiểm tra dành cho cán bộ giám sát (Phòng Văn hóa – "
    "Xã hội). Anh/chị gõ /tiendo để xem tiến độ của mình.",
    "verify_menu": "Đang có đợt kiểm tra chưa gọi xong. Anh/chị muốn:",
    "verify_btn_continue": "📞 Gọi tiếp đợt #{batch} (còn {open} hộ)",
    "verify_btn_new": "🎲 Rút mẫu mới",
    "verify_ask_scope": "Rút mẫu kiểm tra ở đâu?",
    "verify_btn_all": "🏘 Tất cả các ấp",
    "verify_ask_size": "Cỡ mẫu mỗi ấp? Bấm một nút, hoặc gõ tỷ lệ (vd 15%) hay số hộ mỗi ấp "
    "(vd 4). Mỗi ấp và mỗi cán bộ có ghi nhận luôn có ít nhất 1 hộ được gọi.",
    "verify_size_default": "{size} (mặc định)",
    "verify_size_invalid": "Chưa hiểu cỡ mẫu «{text}». Anh/chị gõ tỷ lệ từ 1% đến 100% (vd 10%) "
    "hoặc số hộ mỗi ấp từ 1 đến {max} (vd 3).",
    "verify_unknown_arg": "Chưa hiểu «{arg}». Ví dụ: /kiemtra, /kiemtra 10%, /kiemtra BNA 3",
    "verify_nothing_to_draw": "Không còn hộ nào để rút mẫu{where}: các hộ đã ghi nhận đều đã có "
    "trong một đợt kiểm tra trước, hoặc chưa có hộ nào được ghi nhận.",
    "verify_where": " ở {hamlet}",
    "verify_rule_rate": "{pct} số hộ mỗi ấp",
    "verify_rule_count": "{n} hộ mỗi ấp",
    "verify_drawn": "🎲 Đã rút đợt kiểm tra #{batch}: {size} hộ ({rule}).\nTheo ấp: {per_hamlet}\n"
    "Mã rút mẫu: {seed} – danh sách đã được lưu trước khi gọi và có "
    "thể rút lại đúng như vậy để đối chiếu.",
    "verify_drawn_flagged": "🚩 Gồm {n} hộ được đánh dấu cần kiểm tra.",
    "verify_card_title": "📞 Thẻ gọi #{check} · Đợt #{batch} · còn {open}/{total} hộ",
    "verify_card_hamlet": "🏘 {hamlet} ({code})",
    "verify_card_name": "👤 Chủ hộ: {name}",
    "verify_card_address": "🏠 Địa chỉ: {address}",
    "verify_card_phone": "☎️ Điện thoại: {phone}",
    "verify_card_procedures": "📋 Thủ tục: {procedures}",
    "verify_card_procedures_all": "📋 Thủ tục của hộ ({n} thủ tục, mọi lượt ghi – hỏi hộ từng "
    "thủ tục):",
    "verify_card_procedure": "   • {name} – {entries}",
    "verify_card_procedure_entry": "lượt #{entry} ngày {day}",
    "verify_ask_procedures": "Hộ xác nhận được hướng dẫn những thủ tục nào? Bấm để bỏ chọn / "
    "chọn lại từng thủ tục, rồi bấm Ghi kết quả.",
    "verify_proc_on": "☑️ {name}",
    "verify_proc_off": "⬜ {name}",
    "verify_btn_save_all": "✅ Ghi kết quả: hộ xác nhận đủ {n}/{n} thủ tục",
    "verify_btn_save_some": "⚠️ Ghi kết quả: hộ chỉ xác nhận {k}/{n} thủ tục",
    "verify_answer_confirmed": "📋 Hộ xác nhận {n}/{total} thủ tục: {names}",
    "verify_answer_denied": "không xác nhận: {names}",
    "verify_card_dossier": "🗂 Mã hồ sơ: {dossier}",
    "verify_card_entry": "🗓 Hướng dẫn ngày {day} · cán bộ: {officer} · lượt #{entry}",
    "verify_card_attempts": "🔁 Đã gọi {attempts}/{max} lần chưa liên lạc được",
    "verify_card_flagged": "🚩 Hộ được đánh dấu cần kiểm tra",
    "verify_card_changed": "✏️ {field} đã sửa sau khi rút mẫu: {before} → {after}{by}",
    "verify_card_by": " ({who}, {at})",
    "verify_card_blank": "(trống)",
    "verify_field_name": "Họ tên chủ hộ",
    "verify_field_address": "Địa chỉ",
    "verify_field_phone": "SĐT",
    "verify_field_procedures": "Thủ tục",
    "verify_field_guided_on": "Ngày hướng dẫn",
    "verify_field_dossier": "Mã hồ sơ",
    "verify_card_deleted": "🗑 Lượt này đã bị xóa sau khi rút mẫu: lý do «{reason}»{by}",
    "verify_card_deleted_counts": "Vẫn gọi hộ như thường: khi có kết quả, trường hợp này tính là "
    "không đạt cho đến khi được xem xét lại (/kiemtra_xet).",
    "verify_card_deleted_overturned": "↩️ Đã xem xét lại: việc xóa không tính là không đạt.",
    "verify_state_deleted": "🗑 đã bị xóa sau khi rút mẫu",
    "verify_state_changed": "✏️ đã sửa sau khi rút mẫu",
    "verify_list_deleted": "🗑 {n} hộ đã bị xóa sau khi rút mẫu: vẫn gọi như thường, rồi tính là "
    "không đạt trừ khi được xem xét lại.",
    "verify_review_deleted": "🗑 Bị xóa sau khi rút mẫu",
    "verify_card_note": "📝 Ghi chú: {note}",
    "verify_card_ask": "Hỏi hộ: có được cán bộ hướng dẫn làm thủ tục trên không? Bấm kết quả "
    "(gõ chữ để thêm ghi chú trước khi bấm):",
    "verify_btn_confirmed": "✅ Đúng, đã được hướng dẫn",
    "verify_btn_not_guided": "❌ Không được hướng dẫn",
    "verify_btn_wrong_details": "⚠️ Sai thông tin",
    "verify_btn_unreachable": "📵 Không liên lạc được",
    "verify_btn_wrong_number": "☎️ Sai số điện thoại",
    "verify_btn_skip": "⏭ Để sau",
    "verify_btn_stop": "⏹ Dừng",
    "verify_ask_detail": "Thông tin nào không đúng với lời hộ?",
    "verify_btn_back": "↩️ Quay lại thẻ",
    "verify_btn_back_details": "↩️ Quay lại chọn thông tin sai",
    "verify_ask_date": "Hộ nhớ ngày hướng dẫn khác ngày đã ghi ({day}). Lệch bao nhiêu ngày? "
    "Lệch không quá {n} ngày chỉ được ghi lại, không tính là không đạt.",
    "verify_btn_date_within": "📅 Lệch không quá {n} ngày",
    "verify_btn_date_beyond": "📅 Lệch hơn {n} ngày",
    "verify_recorded_tolerated": "ℹ️ Trong mức cho phép: ghi lại, không tính là không đạt.",
    "verify_note_saved": "📝 Đã ghi chú. Anh/chị bấm kết quả cuộc gọi.",
    "verify_note_too_long": "Ghi chú tối đa {limit} ký tự, anh/chị gõ ngắn lại giúp.",
    "verify_recorded": "Đã ghi thẻ #{check}: {outcome}.",
    "verify_recorded_retry": "Đã ghi thẻ #{check}: chưa liên lạc được (lần {attempts}/{max}). "
    "Hộ này quay lại danh sách sau {at}.",
    "verify_recorded_gave_up": "Đã ghi thẻ #{check}: không liên lạc được sau {max} lần gọi → "
    "«Không xác minh được».",
    "verify_sent_back": "↪️ Đã gửi kết quả cho cán bộ {officer} để sửa hoặc giải trình.",
    "verify_taken": "Thẻ này vừa được người khác nhận hoặc đã có kết quả; chuyển sang thẻ khác.",
    "verify_batch_done": "✅ Đợt #{batch} đã gọi xong. Gõ /baocao để xem kết quả, /kiemtra_xet để "
    "xem xét các trường hợp không đạt.",
    "verify_batch_waiting": "Đợt #{batch} hiện không còn thẻ để gọi ngay: {waiting} hộ hẹn gọi "
    "lại, {held} thẻ đang được người khác gọi. Gõ /kiemtra để gọi tiếp sau"
    "; /kiemtra_ds để xem danh sách.",
    "verify_stopped": "Đã dừng; thẻ đang gọi được trả lại danh sách. Gõ /kiemtra để gọi tiếp, "
    "/kiemtra_ds để xem danh sách.",
    "verify_list_empty": "Không có đợt kiểm tra nào đang mở. Gõ /kiemtra để rút mẫu.",
    "verify_list_batch": "🗂 Đợt #{batch} ({day}, {rule}, mã rút mẫu {seed}): có kết quả "
    "{done}/{total} · còn {open} hộ",
    "verify_list_line": "• #{check} {code} · {name} · {state}",
    "verify_state_new": "chưa gọi",
    "verify_state_retry": "📵 {attempts}/{max}, gọi lại sau {at}",
    "verify_state_retry_now": "📵 {attempts}/{max}, gọi lại được",
    "verify_state_held": "đang được {caller} gọi",
    "verify_list_more": "… và {n} hộ nữa",
    "verify_list_review": "❌ {n} trường hợp không đạt chưa xem xét: /kiemtra_xet",
    "verify_review_empty": "Không có trường hợp kiểm tra không đạt nào cần xem xét.",
    "verify_review_pick": "Các trường hợp không đạt – chọn một để xem và quyết định:",
    "verify_review_result": "Kết quả: {outcome} · người gọi {caller}, {at}",
    "verify_review_reply": "💬 Giải trình của cán bộ ({at}): {reply}",
    "verify_review_no_reply": "💬 Cán bộ chưa giải trình.",
    "verify_review_ask": "Hủy kết quả không đạt (khi giải trình hợp lý) hay giữ nguyên?",
    "verify_btn_overturn": "↩️ Hủy kết quả không đạt",
    "verify_btn_keep": "⚖️ Giữ nguyên không đạt",
    "verify_ask_overturn_reason": "Gõ lý do hủy kết quả không đạt của thẻ #{check} (bắt buộc, được"
    " lưu vết):",
    "verify_reason_short": "Lý do cần ít nhất {min} ký tự.",
    "verify_overturned": "Đã hủy kết quả không đạt của thẻ #{check}. Lý do: {reason}",
    "verify_status_eligible": "✅ {name}: đủ điều kiện trở lại.",
    "verify_status_not_eligible": "❌ {name}: vẫn chưa đủ điều kiện ({n} trường hợp không đạt).",
    "verify_review_closed": "Đã đóng danh sách xem xét.",
    "verify_ask_uphold_reason": "Gõ lý do giữ nguyên kết quả không đạt của thẻ #{check} (bắt "
    "buộc, được lưu vết; đây là quyết định cuối cùng):",
    "verify_upheld": "⚖️ Đã giữ nguyên kết quả không đạt của thẻ #{check} (quyết định cuối "
    "cùng). Lý do: {reason}",
    "verify_review_was_upheld": "Thẻ #{check} đã được giữ nguyên kết quả không đạt lúc {at} "
    "({by}). Lý do: {reason}",
    "verify_review_was_overturned": "Thẻ #{check} đã được hủy kết quả không đạt lúc {at} "
    "({by}). Lý do: {reason}",
    "verify_flag_usage": "Gõ /danhdau SỐ_LƯỢT [lý do], ví dụ: /danhdau 12 số điện thoại trùng "
    "nhiều hộ",
    "verify_flag_not_found": "Không tìm thấy lượt ghi nhận #{id}.",
    "verify_flag_done": "🚩 Đã đánh dấu lượt #{id} ({name}, {code}): hộ này sẽ có trong lần rút "
    "mẫu tới.",
    "verify_flag_already": "Lượt #{id} đã được đánh dấu, đang chờ lần rút mẫu tới.",
    "verify_return_title": "🔎 Kết quả kiểm tra xác minh",
    "verify_return_body": "Hộ {name} (lượt #{entry}, hướng dẫn ngày {day}): {outcome}.",
    "verify_return_note": "Ghi chú của người gọi: {note}",
    "verify_return_ask": "Anh/chị vui lòng kiểm tra lại: sửa thông tin bằng /sua {entry}, hoặc "
    "gửi giải trình bằng /giaitrinh {check}.",
    "verify_explain_none": "Anh/chị không có trường hợp kiểm tra nào cần giải trình.",
    "verify_explain_pick": "Chọn trường hợp cần giải trình:",
    "verify_explain_ask": "Gõ nội dung giải trình cho thẻ #{check} (ví dụ: hộ đã được hướng dẫn "
    "ngày …, người nghe máy là con của chủ hộ …):",
    "verify_explain_saved": "✅ Đã lưu giải trình cho thẻ #{check}. Cán bộ giám sát sẽ xem xét.",
    "verify_explain_not_found": "Không tìm thấy trường hợp #{id} cần anh/chị giải trình.",
    "help_verify": "Kiểm tra xác minh:\n• /kiemtra – rút mẫu ngẫu nhiên và gọi điện xác minh "
    "(thẻ gọi, bấm kết quả)\n• /kiemtra_ds – các hộ chưa gọi\n• /kiemtra_xet – "
    "xem xét trường hợp không đạt chưa quyết định (hủy kết quả hoặc giữ nguyên, "
    "đều ghi lý do và là quyết định cuối cùng)\n• /danhdau SỐ_LƯỢT – đưa một "
    "lượt vào lần rút mẫu tới\n• /canhbao – các mục bất thường (ghi muộn, ghi "
    "dồn, ban đêm, một số điện thoại ở nhiều ấp, mã hồ sơ lặp, xóa rồi ghi lại)",
    "help_verify_frozen": "Hộ trong mẫu mà cán bộ sửa hoặc xóa sau khi rút (cán bộ không được "
    "báo hộ nào nằm trong mẫu): thẻ gọi và /kiemtra_xet ghi từng thông tin "
    "đã sửa (cũ → mới, ai sửa, lúc nào); hộ bị xóa vẫn ở trong danh sách, "
    "vẫn được gọi, rồi tính là không đạt cho đến khi được xem xét lại.",
    "verify_rules_title": "Kết quả nào tính là không đạt (theo cấu hình):",
    "verify_rules_not_guided": "❌ hộ nói không được hướng dẫn: luôn không đạt",
    "verify_rules_details": "⚠️ sai thông tin: không đạt nếu sai {details} (kể cả thủ tục hộ "
    "không xác nhận); thông tin khác chỉ được ghi lại",
    "verify_rules_details_none": "⚠️ sai thông tin: chỉ được ghi lại, không tính là không đạt",
    "verify_rules_date": "📅 ngày hướng dẫn hộ nhớ lệch không quá {n} ngày: chỉ được ghi lại",
    "verify_rules_phone": "☎️ sai số điện thoại: không đạt (số điện thoại cán bộ ghi sai, không "
    "liên lạc được hộ để xác nhận); báo cáo riêng, không gộp vào 📵",
    "verify_rules_phone_none": "☎️ sai số điện thoại: báo cáo riêng, không tính là không đạt",
    "verify_rules_unreachable": "📵 không liên lạc được sau mọi lần gọi: không tính là không đạt",
    "help_explain": "• /giaitrinh – trả lời kết quả kiểm tra được gửi lại cho anh/chị",
    "cmd_verify": "Kiểm tra xác minh (giám sát)",
    "cmd_explain": "Giải trình kết quả kiểm tra",
    # --- registration ------------------------------------------------------------------
    "unregistered": "Xin chào! Bot này dùng để ghi nhận các hộ gia đình được hướng dẫn "
    "thực hiện dịch vụ công trực tuyến. Anh/chị chưa được đăng ký nên chưa "
    "dùng được bot. Vui lòng xin mã mời từ Phòng Văn hóa – Xã hội hoặc "
    "người quản trị, rồi gửi mã đó cho bot (chỉ cần gửi mã, hoặc gửi: "
    "/start MÃ_MỜI).\nNếu anh/chị đã dùng bot trên ứng dụng khác (Telegram "
    "hoặc Zalo), hãy gửi /lienket ở đó để lấy mã liên kết rồi gửi mã ấy vào "
    "đây.\nBot lưu và dùng dữ liệu cá nhân thế nào: gõ /quyenriengtu.",
    "group_pointer": "🔒 Để bảo vệ thông tin cá nhân của người dân, bot chỉ làm việc trong "
    "tin nhắn riêng. Anh/chị vui lòng nhắn riêng cho bot. {link}",
    "invite_wrong": "Mã mời không đúng. Anh/chị kiểm tra lại mã (gồm 10 ký tự chữ và số) "
    "rồi gửi lại: /start MÃ_MỜI",
    "invite_used": "Mã mời này đã được sử dụng. Mỗi mã chỉ dùng được một lần; anh/chị "
    "vui lòng xin mã mới.",
    "invite_expired": "Mã mời này đã hết hạn. Anh/chị vui lòng xin mã mới từ người quản trị.",
    "invite_hamlet_inactive": "Ấp gắn với mã mời này không còn hoạt động. Anh/chị vui lòng "
    "xin mã mới từ người quản trị.",
    "registered": "✅ Chào {name}! Anh/chị đã được đăng ký với vai trò {role}{where}.",
    "privacy_notice": "🔒 Dữ liệu cá nhân (theo Nghị định 13/2023/NĐ-CP)\n"
    "• Bot lưu: họ tên và tài khoản Telegram/Zalo của anh/chị; họ tên, địa chỉ, số điện thoại "
    "của các hộ được hướng dẫn, thủ tục đã làm và kết quả gọi kiểm tra.\n"
    "• Để làm gì: minh chứng cho phong trào «{campaign}», gọi kiểm tra xác suất và xét khen "
    "thưởng – không dùng vào việc khác.\n"
    "• Ai xem được: cán bộ và trưởng ấp chỉ xem hộ của ấp mình; {contact} ({unit}) xem để tổng "
    "hợp và kiểm tra. Không chia sẻ cho bên ngoài, không hiện trong nhóm chat.\n"
    "• Giữ đến: {until} ({years} năm sau khi phong trào kết thúc), sau đó xóa.\n"
    "• Anh/chị và các hộ có quyền được biết, xem, sửa và yêu cầu xóa dữ liệu của mình: liên "
    "hệ {contact}.\n"
    "Gõ /quyenriengtu để xem lại thông báo này.",
    "cmd_privacy": "Dữ liệu cá nhân được lưu và sử dụng thế nào",
    "registered_hamlet": " – {hamlet}",
    "welcome_back": "Chào {name}!",
    "role_officer": "cán bộ ấp",
    "role_hamlet_head": "trưởng ấp",
    "role_supervisor": "giám sát (Phòng VH-XH)",
    "role_admin": "quản trị",
    # --- help ------------------------------------------------------------------------
    "help_title": "📘 Hướng dẫn dùng bot – {campaign}",
    "help_officer": "Ghi một hộ đã hướng dẫn – mỗi tin nhắn một hộ:\n"
    "• Gửi một tin gồm họ tên, địa chỉ, số điện thoại, thủ tục (có thể thêm "
    "mã hồ sơ và ngày), cách nhau bằng dấu phẩy, dấu chấm phẩy (;), dấu | , "
    "gạch ngang ( - ) hoặc xuống dòng:\n"
    "  Nguyễn Văn An, Tổ 3 ấp Bãi Nhà A, 0912 345 678, 1, 3\n"
    "  Lê Thị Hoa; Bãi Nhà B; 0987654321; {procedure}; H56.26-260315-0001; "
    "hôm qua\n"
    "  Hộ được lưu ngay, kèm nút «✏️ Sửa» và «↩️ Hoàn tác». Thủ tục ghi bằng số "
    "thứ tự, mã hoặc vài chữ trong tên. Ngày: 15/03, 15/03/2026, hôm qua, hôm "
    "kia, thứ 6…; bỏ trống là ngày gửi tin.\n"
    "• Gửi nhiều hộ liền nhau cũng được: hộ nào cần hỏi thêm (trùng, thiếu) sẽ "
    "được hỏi lần lượt.\n"
    "• /them – bot hỏi lần lượt từng mục; /tiep – nhập tiếp hộ đang dở\n"
    "• /cuatoi – các hộ anh/chị đã ghi gần đây\n"
    "• /sua – sửa một hộ đã ghi (vd: /sua 12)\n"
    "• /xoa – xóa một hộ ghi nhầm, kèm lý do (vd: /xoa 12)\n"
    "• /tiendo – tiến độ của ấp (gõ «tiến độ» cũng được)",
    "help_supervisor": "Theo dõi:\n• /tiendo – tiến độ tất cả các ấp; /tiendo MÃ_ẤP – "
    "chi tiết một ấp\n"
    "• /baocao – bảng xếp hạng các ấp kèm biểu đồ; chọn kỳ (tuần, tháng, "
    "quý, sơ kết, tổng kết, khoảng ngày) hoặc một ấp "
    "(vd: /baocao tuantruoc, /baocao BNA)\n"
    "• /xuat – xuất bảng tính Excel (thêm csv để lấy tệp CSV, csv; cho "
    "Excel cài tiếng Việt)\n"
    "• /thongbao – bật/tắt tóm tắt hằng tuần",
    "help_head": "Trưởng ấp:\n• /baocao – báo cáo của ấp kèm hoạt động từng cán bộ\n"
    "• /xuat – xuất bảng tính minh chứng của ấp\n"
    "• /thongbao – bật/tắt tóm tắt tuần và nhắc nhở",
    "help_reminder": "• /thongbao – bật/tắt tin nhắc lúc {time} khi ấp chưa ghi nhận hộ nào",
    "help_admin": "Quản trị:\n• /moi – tạo mã mời (vd: /moi officer BNA)",
    "help_common": "• /huy – hủy thao tác đang làm\n• /help – xem lại hướng dẫn\n"
    "• /lang en – English",
    "help_rules": "Cách tính: tỷ lệ bao phủ = số hộ đã được hướng dẫn (ít nhất 1 thủ tục, "
    "không tính mục đã xóa) ÷ tổng số hộ của ấp; mục tiêu {threshold}. "
    "Giải đặc biệt: ấp từ {large} hộ trở lên: mỗi hộ cần ít nhất {n_large} thủ tục; "
    "ấp dưới {large} hộ: mỗi hộ cần ít nhất {n_small} thủ tục. "
    "Thời gian: {start} – {end}.",
    # --- adding a household ----------------------------------------------------------
    "add_needs_hamlet": "Tài khoản của anh/chị chưa gắn với ấp nào nên chưa ghi hộ được. "
    "Vui lòng liên hệ người quản trị.",
    "ask_name": "👤 Họ và tên chủ hộ? (gõ /huy để hủy)",
    "ask_address": "🏠 Địa chỉ của hộ (số nhà, tổ, ấp)? Có thể bấm tên ấp nếu không có "
    "địa chỉ chi tiết.",
    "ask_phone": "📞 Số điện thoại của hộ? (vd: 0912 345 678)",
    "ask_procedures": "📋 Đã hướng dẫn thủ tục nào? Bấm chọn một hoặc nhiều thủ tục rồi "
    "bấm «Xong», hoặc gõ số thứ tự (vd: 1, 3).",
    "procedures_chosen": "Đã chọn: {names}",
    "ask_dossier": "🧾 Mã hồ sơ trên Cổng Dịch vụ công (nếu có)? Bấm «Bỏ qua» nếu không có.",
    "ask_date": "📅 Ngày hướng dẫn? Bấm chọn hoặc gõ ngày (vd: 15/03 hoặc 15/03/2026).",
    "opt_skip": "Bỏ qua",
    "opt_today": "Hôm nay ({day})",
    "opt_yesterday": "Hôm qua ({day})",
    "opt_done": "✔️ Xong",
    "opt_save": "✅ Lưu",
    "opt_edit": "✏️ Sửa",
    "opt_cancel": "❌ Hủy",
    "opt_back": "↩️ Quay lại",
    "opt_add_next": "➕ Ghi hộ tiếp",
    "opt_progress": "📊 Tiến độ",
    "summary_title": "Anh/chị kiểm tra lại thông tin trước khi lưu:",
    "summary_title_edit": "Thông tin hiện tại của mục #{id} (bấm Sửa để đổi, Lưu để cập nhật):",
    "summary_name": "👤 Chủ hộ: {name}",
    "summary_address": "🏠 Địa chỉ: {address}",
    "summary_phone": "📞 SĐT: {phone}",
    "summary_procedures": "📋 Thủ tục: {names}",
    "summary_dossier": "🧾 Mã hồ sơ: {dossier}",
    "summary_date": "📅 Ngày hướng dẫn: {day}",
    "ask_which_field": "Anh/chị muốn sửa mục nào?",
    "field_name": "Họ tên",
    "field_address": "Địa chỉ",
    "field_phone": "Số điện thoại",
    "field_procedures": "Thủ tục",
    "field_dossier": "Mã hồ sơ",
    "field_date": "Ngày",
    "cancelled_entry": "Đã hủy, chưa lưu gì. Gõ /them để ghi hộ khác.",
    "guided_in_earlier_campaign": "ℹ️ Hộ này đã được hướng dẫn trong phong trào trước «{campaign}» "
    "({code}, lần cuối {day}); lần này được tính cho phong trào hiện tại.",
    "find_guided_earlier": "ℹ️ Số này đã được hướng dẫn trong phong trào trước «{campaign}» "
    "({code}, lần cuối {day}), chưa có trong phong trào này. Hộ đó ghi nhận như hộ mới.",
    "saved_progress": "📊 {hamlet}: {guided}/{total} hộ đã được hướng dẫn ({pct}).",
    "dropped_entry": "Đã bỏ, không lưu gì.",
    "phone_converted": "ℹ️ Số {old} là số thuê bao 11 chữ số cũ, đã đổi sang số mới {new}.",
    # --- duplicates ------------------------------------------------------------------
    "dup_title": "⚠️ Hộ {name} có thể đã được ghi nhận:",
    "dup_line": "• Hộ #{id}: {name} – {address} – {phone} ({reason})",
    "dup_other_hamlet": "• Số điện thoại này đã được ghi cho một hộ ở ấp khác. Nếu đúng là "
    "cùng một hộ, anh/chị báo trưởng ấp hoặc Phòng Văn hóa – Xã hội để "
    "xử lý; nếu là hộ khác, chọn «Hộ khác» (hộ được lưu cho ấp mình và "
    "đánh dấu dùng chung số điện thoại để Phòng kiểm tra).",
    "campaign_not_started": "📅 Phong trào «{campaign}» bắt đầu từ ngày {day}; chưa ghi nhận hộ "
    "được hướng dẫn trước ngày đó. Từ {day} anh/chị ghi nhận như bình thường.",
    "campaign_ended": "📅 Phong trào «{campaign}» đã kết thúc ngày {day}; không ghi nhận thêm hộ. "
    "Số liệu vẫn xem được: /tiendo.",
    "hamlet_closed": "{hamlet} không còn trong phong trào «{campaign}», nên không ghi nhận "
    "thêm hộ và không theo dõi tiến độ của ấp này nữa. Các hộ đã ghi vẫn "
    "được lưu giữ. Nếu anh/chị nay phụ trách ấp khác, vui lòng báo Phòng "
    "Văn hóa – Xã hội.",
    "dup_by_phone": "trùng số điện thoại",
    "dup_by_name": "trùng họ tên và địa chỉ",
    "dup_done": "  Đã hướng dẫn: {names} – lần gần nhất {day}, do {officer} ghi",
    "dup_question": "Hộ anh/chị vừa nhập là:",
    "opt_dup_same": "Cùng hộ – thêm thủ tục vào hộ này",
    "opt_dup_same_n": "Cùng hộ #{id} – thêm thủ tục",
    "opt_dup_mistake": "Nhập nhầm – bỏ",
    # --- field errors ----------------------------------------------------------------
    "name_empty": "Họ tên chủ hộ đang trống. Vui lòng nhập họ tên (vd: Nguyễn Văn An).",
    "name_too_long": "Họ tên quá dài (tối đa {limit} ký tự). Vui lòng chỉ nhập họ tên chủ hộ.",
    "name_looks_like_phone": "Có vẻ đây là số điện thoại. Vui lòng nhập họ tên chủ hộ trước.",
    "name_invalid": "Họ tên chưa hợp lệ. Vui lòng nhập họ tên bằng chữ (vd: Nguyễn Văn An).",
    "name_symbols": "Họ tên chỉ gồm chữ cái và khoảng trắng (không có số, biểu tượng cảm "
    "xúc hay ký hiệu). Vui lòng nhập lại.",
    "address_empty": "Địa chỉ đang trống. Vui lòng nhập địa chỉ (vd: Tổ 3, ấp Bãi Nhà A).",
    "address_too_long": "Địa chỉ quá dài (tối đa {limit} ký tự). Vui lòng nhập ngắn gọn hơn.",
    "address_invalid": "Địa chỉ chưa hợp lệ. Vui lòng nhập số nhà, tổ hoặc tên ấp.",
    "address_symbols": "Địa chỉ có ký tự không hợp lệ (biểu tượng cảm xúc hoặc ký hiệu lạ). "
    "Vui lòng nhập lại.",
    "phone_empty": "Số điện thoại đang trống. Vui lòng nhập số (vd: 0912 345 678).",
    "phone_letters": "Số điện thoại chỉ gồm chữ số (có thể có dấu cách, dấu chấm, gạch "
    "ngang hoặc +84). Vui lòng nhập lại.",
    "phone_short": "Số điện thoại quá ngắn. Số di động có 10 chữ số (vd: 0912 345 678).",
    "phone_long": "Số điện thoại quá dài. Số di động có 10 chữ số (vd: 0912 345 678).",
    "phone_invalid": "Đây không phải số điện thoại Việt Nam hợp lệ. Vui lòng kiểm tra lại "
    "(vd: 0912 345 678 hoặc số bàn 0297 3 830 123).",
    "procedure_empty": "Vui lòng chọn ít nhất một thủ tục.",
    "procedure_number": "Không có thủ tục số {token} (chỉ từ 1 đến {count}).",
    "procedure_unknown": "Không tìm thấy thủ tục «{token}». Vui lòng chọn trong danh sách "
    "hoặc gõ số thứ tự.",
    "procedure_unsure": "«{token}» có phải là «{name}»? Anh/chị chọn thủ tục bên dưới hoặc gõ "
    "số thứ tự cho chắc.",
    "procedure_ambiguous": "«{token}» khớp nhiều thủ tục ({names}). Vui lòng gõ rõ hơn "
    "hoặc gõ số thứ tự.",
    "dossier_empty": "Mã hồ sơ đang trống. Gõ mã hồ sơ hoặc bấm «Bỏ qua».",
    "dossier_too_long": "Mã hồ sơ quá dài (tối đa {limit} ký tự).",
    "dossier_invalid": "Mã hồ sơ chỉ gồm chữ không dấu, chữ số và các dấu . - / _ "
    "(vd: H56.26-260315-0001). Vui lòng nhập lại hoặc bấm «Bỏ qua».",
    "date_empty": "Vui lòng chọn hoặc gõ ngày hướng dẫn (vd: 15/03/2026).",
    "one_line_extra": "Phần «{part}» không khớp mục nào nên chưa được lưu. Nếu cần, bấm «✏️ Sửa».",
    # --- own entries -----------------------------------------------------------------
    "mine_empty": "Anh/chị chưa ghi hộ nào. Gõ /them để ghi hộ đầu tiên.",
    "mine_title": "🗂 {shown} mục gần nhất (tổng cộng {total} mục):",
    "mine_hint": "Sửa: /sua <mã mục> · Xóa: /xoa <mã mục>",
    "entry_line": "#{id} · {day} · {name} · {phone}\n{address}\n📋 {procedures}",
    "entry_line_dossier": "🧾 {dossier}",
    "entry_not_found": "Không tìm thấy mục #{id} trong các mục anh/chị đã ghi. "
    "Gõ /cuatoi để xem danh sách.",
    "ask_pick_edit": "Chọn mục cần sửa:",
    "ask_pick_delete": "Chọn mục cần xóa:",
    "edited": "✅ Đã cập nhật mục #{id}. Nội dung cũ vẫn được lưu trong nhật ký.",
    "edit_nothing": "Mục #{id} không có gì thay đổi.",
    "ask_delete_reason": "Xóa mục này?\n{line}\n\nVui lòng chọn hoặc gõ lý do xóa:",
    "reason_mistake": "Nhập nhầm",
    "reason_duplicate": "Trùng với hộ đã ghi",
    "reason_empty": "Vui lòng ghi lý do xóa (ít nhất 3 ký tự).",
    "reason_too_long": "Lý do quá dài (tối đa {limit} ký tự).",
    "ask_delete_confirm": "Xác nhận xóa mục #{id} (lý do: {reason})?",
    "opt_confirm_delete": "🗑 Xóa",
    "opt_keep": "Giữ lại",
    "deleted": "🗑 Đã xóa mục #{id} (vẫn lưu trong nhật ký). Hộ chỉ còn được tính vào "
    "tiến độ nếu có mục khác chưa xóa.",
    "delete_kept": "Đã giữ lại mục #{id}.",
    # --- progress --------------------------------------------------------------------
    "progress_title": "📊 Tiến độ {hamlet} (đến ngày {day})",
    "progress_coverage": "• Hộ đã được hướng dẫn: {guided}/{total} hộ – {pct} "
    "(mục tiêu {threshold}){mark}",
    "progress_target": "• Cần {target} hộ để đạt mục tiêu, còn thiếu {remaining} hộ",
    "progress_target_reached": "• Đã đạt mục tiêu ({target} hộ) 🎉",
    "progress_special": "• Hộ đạt điều kiện giải đặc biệt (từ {n} thủ tục trở lên): "
    "{special}/{total}",
    "progress_entries": "• Lượt ghi nhận: hôm nay {today} · tuần này {week}",
    "progress_days": "• Số ngày có ghi nhận: {active}/{elapsed} ngày",
    "progress_rule_note": "(Mỗi hộ chỉ tính một lần dù được hướng dẫn nhiều thủ tục.)",
    "progress_all_title": "📊 Tiến độ các ấp (đến ngày {day})",
    "progress_all_line": "{rank}. {hamlet} ({code}): {guided}/{total} – {pct}{mark}",
    "progress_all_hint": "Gõ /tiendo MÃ_ẤP để xem chi tiết một ấp.",
    "progress_other_hamlet_refused": "Anh/chị chỉ xem được tiến độ của ấp mình. Gõ /tiendo.",
    "hamlet_unknown": "Không có ấp mã «{code}».",
    "invite_hamlet_unknown": "Không có ấp «{code}» trong phong trào. Xin chọn một ấp bên dưới "
    "(hoặc gõ mã ấp, tên ấp).",
    "invite_hamlet_many": "Có nhiều ấp tên «{code}» ({codes}). Xin chọn bên dưới hoặc gõ mã ấp.",
    # --- invites ---------------------------------------------------------------------
    "admin_only": "Chỉ người quản trị mới dùng được lệnh này.",
    "ask_invite_role": "Tạo mã mời cho vai trò nào?",
    "ask_invite_hamlet": "Người được mời thuộc ấp nào?",
    "ask_invite_unit": "Giám sát này theo dõi xã, phường nào? (chỉ thấy số liệu và hộ của các "
    "ấp thuộc đó)",
    "invite_btn_all_units": "Tất cả các xã, phường",
    "invite_scope_unit": " – phạm vi: {unit}",
    "invite_scope_all": " – phạm vi: tất cả các xã, phường",
    "invite_usage": "Cách dùng: /moi canbo MÃ_ẤP (cán bộ ấp), /moi truongap MÃ_ẤP (trưởng "
    "ấp), /moi giamsat [XÃ] (giám sát) hoặc /moi quantri (quản trị). Gõ /moi để chọn bằng "
    "nút. (Tiếng Anh cũng được: officer, hamlet_head, supervisor, admin.)",
    "invite_created": "🎟 Mã mời cho {role}{where}, dùng một lần, hết hạn lúc {expires}.\n"
    "Gửi cho người được mời tin nhắn bên dưới để họ chuyển tiếp cho bot.{link}",
    "invite_link": "\nHoặc mở đường dẫn: {link}",
    # --- command menu --------------------------------------------------------------
    "cmd_add": "Ghi một hộ đã hướng dẫn",
    "cmd_mine": "Các hộ tôi đã ghi",
    "cmd_edit": "Sửa một hộ đã ghi",
    "cmd_delete": "Xóa một hộ ghi nhầm",
    "cmd_progress": "Tiến độ của ấp",
    "cmd_cancel": "Hủy thao tác đang làm",
    "cmd_help": "Hướng dẫn sử dụng",
    # --- CLI and configuration -------------------------------------------------------
    "cli_config_error": "Lỗi cấu hình: {key} – {expected}",
    "cli_init_done": "Đã cập nhật cơ sở dữ liệu: {created} mục mới, {updated} mục thay đổi, "
    "{deactivated} mục ngừng hoạt động.",
    "cli_init_nothing": "Cơ sở dữ liệu đã khớp với cấu hình, không có gì thay đổi.",
    "cli_invite_created": "Mã mời cho {role}{where}, dùng một lần, hết hạn lúc {expires}. "
    "Người được mời gửi cho bot: /start <mã>",
    "cli_hamlet_unknown": "Không có ấp mã «{code}» trong cơ sở dữ liệu. Các mã hiện có: {codes}",
    "cli_hamlet_required": "Vai trò {role} cần chỉ rõ ấp: --hamlet MÃ_ẤP",
    "cli_campaign_unknown": "Không có phong trào mã «{code}» trong cơ sở dữ liệu (có: {codes}).",
    "cli_init_campaign": "Phong trào hiện tại: «{campaign}» ({code}, {start} – {end}).",
    "cli_init_earlier": "Phong trào trước giữ nguyên, chỉ để xem (báo cáo, bảng tính, hồ sơ theo "
    "mã): {codes}.",
    "cli_not_initialised": "Cơ sở dữ liệu chưa được khởi tạo. Chạy trước: "
    "python -m bot init --config {config}",
    "cli_chat_banner": "💬 Trò chuyện với bot (người dùng: {user}). Gõ /help để xem hướng dẫn, "
    "Ctrl+D để thoát.",
    "cli_reply_with_number": "(Trả lời {numbers})",
    "cli_reply_with_range": "(Trả lời bằng số từ 1 đến {last})",
    "cli_or": "hoặc",
    "cli_demo_ready": "Bản dùng thử: cơ sở dữ liệu mới tại {path}. Anh/chị là «{user}» "
    "(vai trò: {role}, {hamlet}); đã có vài hộ mẫu ở ba ấp đầu. "
    "Thử /help, /them, /tiendo (giám sát: --role supervisor rồi /baocao).",
    "cli_run_starting": "Bot đang chạy trên: {channels}. Máy chủ HTTP: {http}. Ctrl+C để dừng.",
    "cli_file_attached": "[tệp đính kèm: {path}]",
    # --- configuration errors (the setting named before them is wrong) ----------
    "cfg_timezone": "cần tên múi giờ, ví dụ Asia/Ho_Chi_Minh",
    "cfg_table": "cần một bảng [..] hoặc [[..]]",
    "cfg_bool": "cần true hoặc false",
    "cfg_env_name": "cần tên một biến môi trường",
    "cfg_text": "cần một chuỗi ký tự, không để trống",
    "cfg_list": "cần ít nhất một mục [[{name}]]",
    "cfg_file_url": "cần địa chỉ http(s) kết thúc bằng /file/bot",
    "cfg_url": "cần địa chỉ http(s) kết thúc bằng /bot",
    "cfg_int": "cần một số nguyên ≥ {minimum}",
    "cfg_unique": "mã phải khác nhau (mã «{code}» bị lặp)",
    "cfg_token": "cần mã token dạng 123456:ABC… lấy từ @BotFather",
    "cfg_fail_rule": "cần ít nhất một quy tắc: failures ≥ 1 hoặc max_failure_rate",
    "cfg_tolerance": "cần một tỷ lệ trong khoảng [0, 1), ví dụ 0.05 (0: mọi thay đổi đều phải "
    "duyệt)",
    "cfg_fraction": "cần một tỷ lệ trong khoảng (0, 1], ví dụ 0.95",
    "cfg_folder": "cần đường dẫn một thư mục",
    "cfg_end_date": "cần một ngày không trước campaign.start",
    "cfg_date": "cần một ngày dạng 2026-01-01",
    "cfg_db_url": "cần địa chỉ dạng sqlite+aiosqlite:///data/bot.sqlite3 hoặc postgresql+asyncpg://…",
    "cfg_language": "cần 'vi' hoặc 'en'",
    "cfg_file_missing": "không tìm thấy tệp {path}",
    "cfg_toml": "không đúng cú pháp TOML ({error})",
    "cfg_table_missing": "thiếu bảng [{name}]",
    "cfg_env_empty": "biến môi trường {name} chưa được đặt hoặc đang trống",
    "cfg_token_missing": "cần token của bot (lấy từ @BotFather) hoặc token_env",
    "cfg_round_code": "cần mã gồm chữ, số, - hoặc _, tối đa 16 ký tự",
    "cfg_round_end": "đợt «{code}»: ngày cuối không được trước ngày đầu",
    "cfg_round_outside": "đợt «{code}» phải nằm trong thời gian phong trào ({start} – {end})",
    "cfg_round_reserved": "mã «{code}» dành cho việc khác, hãy chọn mã khác",
    "cfg_role": "cần một trong: officer, hamlet_head, supervisor, admin",
    # --- spreadsheets (openpyxl / CSV) -------------------------------------------
    "xl_summary_sheet": "Tổng hợp",
    "xl_officers_sheet": "Cán bộ",
    "xl_title": "Báo cáo kết quả {campaign} – {unit}",
    "xl_period": "Kỳ báo cáo: {start} – {end} · số liệu đến ngày {as_of} · lập lúc {made}",
    "xl_col_rank": "Hạng",
    "xl_col_code": "Mã ấp",
    "xl_col_hamlet": "Tên ấp",
    "xl_col_total": "Tổng số hộ",
    "xl_col_guided": "Hộ đã được hướng dẫn",
    "xl_col_coverage": "Tỷ lệ bao phủ",
    "xl_col_reached": "Đạt {threshold}",
    "xl_col_target": "Số hộ cần đạt",
    "xl_col_required": "Số thủ tục/hộ (giải đặc biệt)",
    "xl_col_special": "Hộ đạt điều kiện giải đặc biệt",
    "xl_col_new": "Hộ mới trong kỳ",
    "xl_col_entries": "Lượt ghi nhận trong kỳ",
    "xl_col_active_days": "Ngày có ghi nhận",
    "xl_col_period_days": "Số ngày của kỳ",
    "xl_col_pace": "Cần TB hộ/ngày để đạt",
    "xl_col_behind": "Chậm tiến độ",
    "xl_col_no": "STT",
    "xl_col_head": "Chủ hộ",
    "xl_col_address": "Địa chỉ",
    "xl_col_phone": "Số điện thoại",
    "xl_col_shared_phone": "SĐT dùng chung",
    "xl_col_procedures": "Thủ tục đã hướng dẫn",
    "xl_col_guided_on": "Ngày hướng dẫn",
    "xl_col_dossier": "Mã hồ sơ",
    "xl_col_officer": "Cán bộ ghi nhận",
    "xl_col_recorded_at": "Thời điểm ghi nhận",
    "xl_col_note": "Ghi chú",
    "xl_col_last_entry": "Lần ghi gần nhất",
    "xl_col_idle_days": "Số ngày chưa ghi",
    "xl_col_inactive": "Không hoạt động",
    "xl_yes": "Có",
    "xl_no": "Không",
    # --- charts (matplotlib) -------------------------------------------------------
    "chart_coverage_title": "Tỷ lệ hộ được hướng dẫn theo ấp (đến {day})",
    "chart_coverage_axis": "Tỷ lệ bao phủ (%)",
    "chart_threshold_line": "Mục tiêu {pct}",
    "chart_cumulative_title": "{hamlet}: số hộ được hướng dẫn cộng dồn",
    "chart_cumulative_axis": "Số hộ",
    "chart_actual": "Thực tế",
    "chart_pace_line": "Nhịp 1 hộ/ngày",
    "chart_target_line": "Mục tiêu {target} hộ ({pct})",
    "cfg_weekday": 'cần một thứ trong tuần, ví dụ "monday" hoặc "thu2"',
    "cfg_time": 'cần giờ dạng "07:30"',
    # --- reports (/baocao) ---------------------------------------------------------
    "period_since_start": "Từ đầu phong trào",
    "period_this_week": "Tuần này",
    "period_last_week": "Tuần trước",
    "period_this_month": "Tháng này",
    "period_this_quarter": "Quý này",
    "period_last_quarter": "Quý trước",
    "period_q1": "Quý I",
    "period_q2": "Quý II",
    "period_q3": "Quý III",
    "period_q4": "Quý IV",
    "period_half": "Sơ kết 6 tháng",
    "period_year": "Tổng kết năm",
    "period_range": "Từ {start} đến {end}",
    # A campaign over several years (issue 23): its span is a phase, never a year.
    "period_phase": "Cả giai đoạn",
    "period_phase_of": "Giai đoạn {start}–{end}",
    "period_since_start_phase": "Từ đầu giai đoạn đến nay",
    "period_year_of": "Năm {year}",
    "period_quarter_of": "Quý {n}/{year}",
    "period_month_of": "Tháng {month}/{year}",
    "period_h1_of": "6 tháng đầu năm {year}",
    "period_h2_of": "6 tháng cuối năm {year}",
    "report_period": "🗓 {name} ({start} – {end})",
    "report_title": "📊 Báo cáo tiến độ các ấp",
    "report_legend": "✅ đạt {pct} số hộ · ⚠️ chậm tiến độ (theo nhịp hiện tại không kịp cuối kỳ)",
    "report_row_head": "{rank}. {hamlet} ({code}){marks}",
    "report_row_cover": "   {guided}/{total} hộ · {pct} · giải ĐB: {special} hộ (≥{n} TT)",
    "report_row_cover_plain": "   {guided}/{total} hộ · {pct}",
    "report_row_pace": "   {new} · ngày có ghi nhận {active}/{days} · {outlook}",
    "report_week_new": "tuần này +{n}",
    "report_period_new": "hộ mới +{n}",
    "report_outlook_behind": "cần trung bình {per_day} hộ/ngày để đạt trước {end}",
    "report_outlook_on_pace": "đủ nhịp để đạt trước {end} (cần {per_day} hộ/ngày)",
    "report_outlook_ended": "phong trào đã kết thúc ({end}), chưa đạt",
    "report_reached": "đã đạt mục tiêu",
    "report_no_hamlets": "Chưa có ấp nào.",
    "report_total": "Tổng: {guided}/{total} hộ ({pct}) · hộ mới trong kỳ: {new} · "
    "{reached}/{n} ấp đạt mục tiêu",
    "report_behind": "⚠️ Chậm tiến độ: {hamlets}",
    "report_rule_note_plain": "(Mỗi hộ chỉ tính một lần.)",
    "report_rule_note": "(Mỗi hộ chỉ tính một lần; giải ĐB: hộ đủ số thủ tục theo quy mô ấp.)",
    "report_hamlet_title": "📊 {hamlet} ({code}){marks}",
    "report_hamlet_rank": "• Xếp hạng: {rank}/{n} ấp",
    "report_hamlet_cover": "• Cộng dồn: {guided}/{total} hộ – {pct} (mục tiêu {target} hộ)",
    "report_hamlet_special": "• Hộ đạt điều kiện giải đặc biệt (≥{n} thủ tục): {special}",
    "report_hamlet_new": "• Trong kỳ: {new} hộ mới, {entries} lượt ghi nhận (tuần {days}: +{week})",
    "report_hamlet_days": "• Ngày có ghi nhận: {active}/{days} ngày",
    "report_hamlet_behind": "⚠️ Theo nhịp hiện tại, ấp không kịp đạt mục tiêu trước khi kết "
    "thúc phong trào.",
    "report_hamlet_behind_by": "⚠️ Theo nhịp hiện tại, ấp không kịp đạt mục tiêu trước {end}.",
    "report_officers_title": "👥 Cán bộ (trong kỳ) – 💤 = chưa ghi nhận từ {days} ngày trở lên:",
    "report_officer": "• {name}: {entries} lượt · {days} ngày · gần nhất {last}{flag}",
    "report_inactive_flag": " 💤 {days} ngày chưa ghi",
    "report_never": "chưa có",
    "report_no_officers": "• (chưa có cán bộ nào đăng ký)",
    "report_menu": "Xem kỳ khác, một ấp, hoặc xuất bảng tính:",
    "report_btn_custom": "📅 Chọn khoảng ngày",
    "report_btn_pick": "🏘 Xem một ấp",
    "report_btn_all": "📊 Tất cả các ấp",
    "report_btn_xlsx": "📥 Xuất Excel",
    "report_pick_hamlet": "Chọn ấp:",
    "report_ask_dates": "Gõ ngày bắt đầu và ngày kết thúc, ví dụ: 01/04/2026 30/04/2026",
    "report_dates_invalid": "Chưa hiểu khoảng ngày. Gõ hai ngày dạng ngày/tháng/năm, "
    "ví dụ: 01/04/2026 30/04/2026",
    "report_period_future": "Kỳ này bắt đầu từ {start}, chưa có số liệu. Anh/chị chọn một kỳ "
    "đã bắt đầu giúp.",
    "report_not_started": "Phong trào «{campaign}» bắt đầu từ ngày {start}; chưa có số liệu.",
    "report_earlier_hint": "Số liệu phong trào trước: /baocao {code} (bảng tính: /xuat {code}).",
    "earlier_campaign_notice": "📁 Phong trào trước «{campaign}» ({code}, {start} – {end}): số "
    "liệu chỉ để xem, không ghi nhận thêm.",
    "report_dates_outside": "Khoảng ngày nằm ngoài thời gian phong trào ({start} – {end}). "
    "Anh/chị gõ lại giúp.",
    "report_dates_reversed": "Ngày kết thúc phải sau ngày bắt đầu. Anh/chị gõ lại giúp.",
    "report_not_allowed": "Báo cáo dành cho trưởng ấp và cán bộ giám sát. "
    "Anh/chị xem tiến độ ấp mình bằng /tiendo.",
    "report_outside_scope": "Anh/chị chỉ xem được số liệu các ấp thuộc {unit}.",
    "report_other_hamlet_refused": "Anh/chị chỉ xem được báo cáo của ấp mình.",
    "report_unknown_arg": "Chưa hiểu «{arg}». Ví dụ: /baocao, /baocao tuantruoc, /baocao BNA, "
    "/baocao quy1, /baocao 01/04/2026 30/04/2026",
    "report_chart_caption": "Biểu đồ: {name}",
    # --- weekly summary and daily reminder -------------------------------------------
    "weekly_title": "📬 Tóm tắt tuần {start} – {end}",
    "weekly_totals": "Hộ mới trong tuần: {new} · cộng dồn toàn địa bàn: {guided}/{total} hộ "
    "({pct})",
    "weekly_row": "{rank}. {hamlet}: +{new} · {guided}/{total} ({pct}){marks} · {change}",
    "weekly_rank_same": "giữ hạng",
    "weekly_rank_up": "↑{n} hạng",
    "weekly_rank_down": "↓{n} hạng",
    "weekly_inactive": "💤 Cán bộ chưa ghi nhận từ {days} ngày trở lên: {people}",
    "weekly_inactive_person": "{name} ({hamlet}, {days} ngày)",
    "weekly_footer": "Gõ /baocao để xem chi tiết và biểu đồ · /thongbao để tắt tin này.",
    "weekly_hamlet_title": "📬 Tóm tắt tuần {start} – {end} · {hamlet}",
    "weekly_hamlet_new": "• Trong tuần: {new} hộ mới, {entries} lượt ghi nhận, {active}/{days} "
    "ngày có ghi nhận",
    "weekly_hamlet_rank": "• Xếp hạng: {rank}/{n} ấp ({change})",
    "reminder_title": "⏰ Hôm nay ({day}) {hamlet} chưa ghi nhận hộ nào.",
    "reminder_streak": "Ấp đang có chuỗi {hamlet_days} ngày liên tiếp (của anh/chị: "
    "{own_days} ngày) – đừng để đứt chuỗi nhé!",
    "reminder_no_streak": "Ghi một hộ hôm nay để bắt đầu chuỗi ngày liên tiếp.",
    "reminder_footer": "Gõ /them để ghi một hộ. (Tắt nhắc nhở: /thongbao)",
    # --- /thongbao -----------------------------------------------------------------------
    "notify_title": "🔔 Tin nhắn tự động của anh/chị:",
    "notify_summary_on": "• Tóm tắt hằng tuần ({day} {time}): đang bật",
    "notify_summary_off": "• Tóm tắt hằng tuần ({day} {time}): đã tắt",
    "notify_reminder_on": "• Nhắc nhở lúc {time} khi ấp chưa ghi nhận hộ nào: đang bật",
    "notify_reminder_off": "• Nhắc nhở lúc {time} khi ấp chưa ghi nhận hộ nào: đã tắt",
    "notify_none": "Vai trò của anh/chị hiện không nhận tin nhắn tự động nào.",
    "notify_btn_summary_off": "🔕 Tắt tóm tắt tuần",
    "notify_btn_summary_on": "🔔 Bật tóm tắt tuần",
    "notify_btn_reminder_off": "🔕 Tắt nhắc nhở",
    "notify_btn_reminder_on": "🔔 Bật nhắc nhở",
    "notify_btn_done": "Xong",
    "notify_saved": "Đã lưu.",
    "weekday_0": "Thứ Hai",
    "weekday_1": "Thứ Ba",
    "weekday_2": "Thứ Tư",
    "weekday_3": "Thứ Năm",
    "weekday_4": "Thứ Sáu",
    "weekday_5": "Thứ Bảy",
    "weekday_6": "Chủ nhật",
    # --- /xuat -------------------------------------------------------------------------
    "export_ask_period": "Xuất bảng tính cho kỳ nào?",
    "export_not_allowed": "Xuất bảng tính dành cho trưởng ấp và cán bộ giám sát.",
    "export_ready": "📥 Bảng tính – {name}: {hamlets} ấp, {rows} lượt ghi nhận. Có thông tin cá "
    "nhân – chỉ dùng cho công tác thi đua, không chia sẻ công khai.",
    "export_ready_csv": "📥 Tệp CSV ({part}) – {name}",
    "export_part_summary": "tổng hợp",
    "export_part_evidence": "minh chứng",
    "export_part_officers": "cán bộ",
    "cmd_report": "Báo cáo, biểu đồ các ấp (giám sát, trưởng ấp)",
    "cmd_export": "Xuất bảng tính Excel/CSV",
    "cmd_notify": "Bật/tắt tóm tắt tuần và nhắc nhở",
    "cfg_order": "cần một danh sách tên chỉ số, lấy trong: {known}",
    "cfg_must_match": "cần một danh sách (có thể trống), lấy trong: {known}",
    "cfg_rate": "cần một số trong khoảng (0, 30], ví dụ 25",
    "cli_period_dates": "cần hai ngày dạng 01/04/2026 trong thời gian phong trào, ngày sau "
    "không trước ngày đầu",
    "cli_period_kind": "cần một trong: {kinds}",
    "cli_export_done": "Đã xuất {hamlets} ấp, {rows} lượt ghi nhận (có thông tin cá nhân – "
    "giữ kín):",
    "cli_demo_all_hamlets": "theo dõi mọi ấp",
    # --- verification in reports (issue 4) ---
    "report_checks_title": "🔎 Kiểm tra xác minh (gọi điện hộ ngẫu nhiên, cả phong trào):",
    "report_checks_total": "• Đã gọi xong {checked} hộ: ✅ {confirmed} xác nhận · ❌ {failed} "
    "không đạt{wrong_number} · 📵 {unverified} không xác minh "
    "được{review} · tỷ lệ đạt {rate}{open}",
    # Checks left to call: in the office's texts only (models/check_scope.py).
    "report_checks_open_total": " · còn {n} hộ chưa gọi",
    "report_checks_row": "• {name}: {checked} hộ · ✅ {confirmed} · ❌ {failed}{wrong_number}"
    " · 📵 {unverified}{review} · đạt {rate}{open}",
    "report_checks_open_row": " · còn {n} chưa gọi",
    "report_checks_hamlet_name": "{hamlet} ({code})",
    "report_checks_overturned": " · ↩️ {n} đã xem xét lại",
    "report_checks_undecided": " · ⏳ {n} chưa xem xét",
    # A wrong number is its own figure (never "could not verify"), shown when there is one.
    "report_checks_wrong_number": " · ☎️ {n} sai số điện thoại",
    "report_checks_wrong_number_row": " · ☎️ {n}",
    "report_checks_reason_wrong_number": ", gồm {n} sai số điện thoại",
    "report_checks_no_rate": "–",
    "report_checks_not_eligible": "🚫 Không đủ điều kiện khen thưởng: {items}",
    "report_checks_ne_hamlet": "{hamlet} ({reason})",
    "report_checks_ne_officer": "cán bộ {name} – {code} ({reason})",
    "report_checks_reason_count": "{n} hộ kiểm tra không đạt{wrong_number}",
    "report_checks_reason_rate": "{n}/{answered} hộ trả lời không đạt{wrong_number}, quá mức {max}",
    "weekly_checks": "🔎 Kiểm tra xác minh: {open}đã gọi xong {checked} hộ: "
    "✅ {confirmed} · ❌ {failed}{wrong_number} · 📵 {unverified}{review}",
    "weekly_checks_open": "còn {n} hộ chưa gọi · ",
    "vout_confirmed": "Đã xác nhận",
    "vout_not_guided": "Hộ nói không được hướng dẫn",
    "vout_wrong_details": "Sai thông tin",
    "vout_unreachable": "Không liên lạc được",
    "vout_wrong_number": "Sai số điện thoại",
    "vout_could_not_verify": "Không xác minh được",
    "vdetail_procedure": "thủ tục",
    "vdetail_person": "người được hướng dẫn",
    "vdetail_date": "ngày hướng dẫn",
    "vdetail_date_within": "(lệch không quá {n} ngày)",
    "vdetail_date_beyond": "(lệch hơn {n} ngày)",
    "xl_checks_sheet": "Kiểm tra",
    "xl_col_batch": "Đợt kiểm tra",
    "xl_col_seed": "Mã rút mẫu",
    "xl_col_outcome": "Kết quả",
    "xl_col_detail": "Thông tin sai",
    "xl_col_attempts": "Số lần gọi",
    "xl_col_last_caller": "Người gọi gần nhất",
    "xl_col_last_call": "Lần gọi gần nhất",
    "xl_col_overturned": "Kết quả xem xét",
    "xl_col_officer_reply": "Giải trình của cán bộ",
    "xl_check_open": "Chưa gọi",
    "xl_check_deleted": "{outcome} – lượt bị xóa sau khi rút mẫu",
    "xl_check_deleted_failed": "{outcome} – lượt bị xóa sau khi rút mẫu, tính là không đạt",
    "xl_review_overturned": "Hủy kết quả không đạt – {reason}",
    "xl_review_upheld": "Giữ nguyên không đạt – {reason}",
    "export_part_checks": "kiểm tra xác minh",
    # --- verify CLI (issue 4) ---
    "verify_cli_rule": "{rule} (ít nhất 1 hộ mỗi ấp, 1 hộ mỗi cán bộ)",
    "verify_cli_rule_count": "{rule} (không quá số hộ của ấp, ít nhất 1 hộ mỗi cán bộ)",
    "verify_cli_batch": "Đợt kiểm tra #{id}: rút lúc {when} (giờ Việt Nam), người rút: {who}",
    "verify_cli_by_nobody": "không ghi nhận",
    "verify_cli_seed": "Mã rút mẫu: {seed}",
    "verify_cli_rule_line": "Quy tắc: {rule}",
    "verify_cli_hamlets": "Các ấp: {codes}",
    "verify_cli_population": "Rút từ {population} lượt ghi nhận; danh sách đã lưu: {size} hộ",
    "verify_cli_list_head": "Danh sách đã lưu (thứ tự gọi · ấp · lượt · chủ hộ · cán bộ · kết "
    "quả hiện tại):",
    "verify_cli_row": "{position:>3}. {hamlet} · lượt #{entry} · {name} · cán bộ {officer}"
    "{flag} · {state}",
    "verify_cli_flagged": " · 🚩 được đánh dấu",
    "verify_cli_retry": "{outcome} ({attempts} lần), chờ gọi lại",
    "verify_cli_voided": "lượt ghi nhận đã bị xóa sau khi rút",
    "verify_cli_overturned": " – đã hủy kết quả không đạt",
    "verify_cli_match": "✓ Rút lại với cùng mã rút mẫu cho đúng danh sách đã lưu ({n} hộ).",
    "verify_cli_mismatch": "✗ Rút lại với cùng mã rút mẫu KHÔNG cho đúng danh sách đã lưu "
    "({stored} hộ đã lưu, {redrawn} hộ khi rút lại). Chỗ khác nhau:",
    "verify_cli_diff": "  • Vị trí {position}: đã lưu {stored}, rút lại ra {redrawn}",
    "verify_cli_none": "(không có)",
    "verify_cli_only_stored": "  • Có trong danh sách đã lưu nhưng rút lại không ra: {entries}",
    "verify_cli_only_redrawn": "  • Rút lại ra nhưng không có trong danh sách đã lưu: {entries}",
    "verify_cli_data_changed": "ℹ Lưu ý: dữ liệu mà lần rút dựa vào đã khác so với lúc rút (dấu "
    "vân tay dữ liệu không khớp – có lượt ghi nhận bị xóa hẳn hoặc "
    "đổi ấp, hộ, cán bộ), nên kết quả rút lại có thể khác vì dữ liệu "
    "chứ không phải vì mã.",
    "verify_cli_unknown": "Không có đợt kiểm tra #{id}. Xem các đợt: python -m bot verify "
    "--config … --list",
    "verify_cli_list_empty": "Chưa có đợt kiểm tra nào.",
    "verify_cli_list_title": "{n} đợt kiểm tra:",
    "verify_cli_list_row": "#{id} · {when} · {rule} · {size} hộ · {status}",
    "verify_cli_list_done": "đã xong ({total}/{total})",
    "verify_cli_list_open": "đang mở: có kết quả {done}/{total}, còn {open} hộ",
    # --- household roster files (danh sách hộ của ấp) --------------------------------
    "roster_err_empty": "Tệp chưa có hộ gia đình nào. Vui lòng kiểm tra danh sách đã được nhập bên "
    "dưới dòng tiêu đề cột, rồi gửi lại.",
    "roster_err_too_big": "Tệp quá lớn (tối đa {limit_mb} MB). Vui lòng xóa bớt các trang tính, "
    "hình ảnh không cần thiết hoặc chia danh sách thành nhiều tệp.",
    "roster_err_too_many": "Danh sách quá dài (tối đa {limit} hộ trong một tệp). Vui lòng chia "
    "thành nhiều tệp nhỏ hơn.",
    "roster_err_xls": "Tệp .xls (Excel đời cũ) chưa đọc được. Vui lòng mở tệp bằng Excel, chọn Tệp "
    "→ Lưu thành, chọn kiểu «Excel Workbook (*.xlsx)» rồi gửi tệp mới.",
    "roster_err_format": "Chỉ nhận danh sách dạng Excel (.xlsx) hoặc CSV (.csv). Vui lòng lưu lại "
    "tệp theo một trong hai dạng này rồi gửi lại.",
    "roster_err_unreadable": "Không mở được tệp này (tệp có thể bị hỏng hoặc có đặt mật khẩu). Vui "
    "lòng mở bằng Excel, lưu lại dạng .xlsx (không đặt mật khẩu) rồi gửi "
    "lại.",
    "roster_err_encoding": "Không đọc được chữ tiếng Việt trong tệp CSV (tệp không lưu theo bảng "
    "mã UTF-8). Vui lòng mở bằng Excel, chọn Lưu thành → «CSV UTF-8 (Comma "
    "delimited)», hoặc gửi tệp .xlsx.",
    "roster_err_no_header": "Không tìm thấy dòng tiêu đề cột. Dòng tiêu đề cần nằm trong 10 dòng "
    "đầu của tệp và có ít nhất hai cột «Họ tên chủ hộ» và «Địa chỉ» (có "
    "thể thêm «Số điện thoại», «Mã hộ»).",
    "roster_err_missing_column": "Danh sách thiếu cột «{column}». Vui lòng thêm cột này vào dòng "
    "tiêu đề rồi gửi lại.",
    "roster_err_name": "Dòng {row} – họ tên chủ hộ: {detail}",
    "roster_err_address": "Dòng {row} – địa chỉ: {detail}",
    "roster_err_phone": "Dòng {row} – số điện thoại «{value}» không hợp lệ: {detail}",
    "roster_err_code": "Dòng {row} – mã hộ dài quá {limit} ký tự. Vui lòng rút gọn mã hộ.",
    "roster_err_dup_code": "Dòng {row} – mã hộ «{code}» trùng với dòng {first}. Mỗi hộ cần một mã "
    "hộ riêng.",
    "roster_err_dup_household": "Dòng {row} – hộ này (cùng họ tên chủ hộ và địa chỉ) đã có ở dòng "
    "{first}. Vui lòng xóa dòng trùng, hoặc ghi rõ địa chỉ hơn nếu đây "
    "là hai hộ khác nhau.",
    "roster_reason_name_empty": "còn trống. Vui lòng điền họ tên chủ hộ.",
    "roster_reason_name_too_long": "dài quá {limit} ký tự. Vui lòng chỉ ghi họ tên chủ hộ.",
    "roster_reason_name_looks_like_phone": "có vẻ là số điện thoại. Vui lòng kiểm tra các cột có "
    "bị lệch không.",
    "roster_reason_name_invalid": "chưa phải họ tên. Vui lòng ghi họ tên bằng chữ (vd: Nguyễn Văn "
    "An).",
    "roster_reason_name_symbols": "chỉ được gồm chữ cái và khoảng trắng (không có chữ số hay ký "
    "hiệu).",
    "roster_reason_address_empty": "còn trống. Vui lòng điền địa chỉ (vd: Tổ 3, ấp Bãi Nhà A).",
    "roster_reason_address_too_long": "dài quá {limit} ký tự. Vui lòng ghi ngắn gọn hơn.",
    "roster_reason_address_invalid": "chưa rõ. Vui lòng ghi số nhà, tổ hoặc tên ấp.",
    "roster_reason_address_symbols": "có ký tự lạ (biểu tượng cảm xúc hoặc ký hiệu). Vui lòng xóa "
    "các ký tự đó.",
    "roster_reason_phone_empty": "còn trống.",
    "roster_reason_phone_letters": "chỉ được gồm chữ số (có thể có dấu cách, dấu chấm, gạch ngang "
    "hoặc +84).",
    "roster_reason_phone_short": "thiếu chữ số; số di động có 10 chữ số (vd: 0912 345 678).",
    "roster_reason_phone_long": "thừa chữ số; số di động có 10 chữ số (vd: 0912 345 678).",
    "roster_reason_phone_invalid": "không phải số Việt Nam (vd: 0912 345 678 hoặc số bàn 0297 3 "
    "830 123).",
    # --- rosters, /chuahuongdan, /khenthuong (issue 5) ---------------------------------
    "help_todo": "• /chuahuongdan – gợi ý hộ trong danh sách hộ của ấp chưa được hướng dẫn "
    "(gần khu vực của anh/chị trước); bấm tên để ghi luôn",
    "help_roster": "Danh sách hộ của ấp: gửi tệp CSV hoặc Excel (.xlsx) vào đây (cột: Họ tên chủ "
    "hộ, Địa chỉ, Số điện thoại, Mã hộ – hai cột sau không bắt buộc). Số dòng "
    "của danh sách thành tổng số hộ của ấp; chênh lệch quá mức cho phép thì phải "
    "chờ Phòng VH-XH duyệt.\n• /duyetso – thay đổi tổng số hộ chờ duyệt và lịch "
    "sử (Phòng VH-XH duyệt hoặc từ chối)\n• /ghepho – chọn "
    "giúp những hộ đã hướng dẫn mà hệ thống chưa chắc là dòng nào trong danh sách",
    "help_awards": "Khen thưởng:\n• /khenthuong – đề xuất khen thưởng (tập thể, giải đặc biệt, cá "
    "nhân) kèm bảng minh chứng và hồ sơ từng ấp (Tờ trình, Biên bản họp xét)\n"
    "• /khenthuong_ct MÃ_ẤP – các hộ và cuộc gọi kiểm tra đứng sau số liệu của "
    "một ấp\n• /khenthuong_ds – các đề xuất đã lập, bản chính thức hay dự thảo"
    "\n• /khenthuong_chot SỐ – chốt đề xuất hội đồng đã quyết là bản chính thức "
    "(mỗi đợt xét một bản; đề xuất mới luôn là dự thảo). Mỗi đợt xét chỉ tính kết "
    "quả kiểm tra của các lượt hướng dẫn trong đợt"
    "\n• /vanban – báo cáo sơ kết/tổng kết của phong trào, tờ trình gửi Hội đồng "
    "Thi đua – Khen thưởng và dự thảo quyết định khen thưởng kèm danh sách, lập từ "
    "đề xuất đã chốt (hoặc bản dự thảo, có ghi rõ)",
    "help_rules_roster": "Tổng số hộ do Phòng VH-XH quyết định: danh sách hộ làm tổng số hộ "
    "thay đổi quá {tolerance} thì phải chờ Phòng VH-XH duyệt (/duyetso), "
    "trong lúc chờ vẫn tính trên số cũ; mỗi lần thay đổi được lưu kèm ngày "
    "áp dụng. Số liệu của một kỳ đã qua tính trên tổng số hộ đang dùng vào "
    "ngày cuối kỳ; số liệu hiện tại tính trên tổng số hộ đang dùng hôm nay. "
    "Số hộ trong cấu hình vẫn được lưu để đối chiếu.",
    # --- household totals: the office's decision (/duyetso) -------------------------
    "cmd_totals": "Tổng số hộ: chờ duyệt và lịch sử",
    "total_pending_line": "⏳ Tổng số hộ theo danh sách mới ({total} hộ) đang chờ Phòng VH-XH "
    "duyệt; số liệu vẫn tính trên {current} hộ.",
    "roster_preview_total_wait": "Tổng số hộ theo danh sách: {total} (đang dùng: {before}; "
    "cấu hình: {configured}). Chênh lệch {change} vượt mức "
    "{tolerance} nên cần Phòng VH-XH duyệt: danh sách vẫn được "
    "nhập ngay (dùng cho /chuahuongdan), còn tỷ lệ bao phủ vẫn "
    "tính trên {before} hộ cho đến khi được duyệt. Nhập danh sách "
    "này?",
    "roster_imported_wait": "✅ Đã nhập {rows} hộ cho {hamlet} (dùng cho /chuahuongdan).\n"
    "⏳ Tổng số hộ của ấp: chờ Phòng VH-XH duyệt ({before} → {total} "
    "hộ; số hộ cấu hình: {configured}). Trong lúc chờ, tỷ lệ bao phủ "
    "vẫn tính trên {before} hộ; kết quả duyệt sẽ được báo cho anh/chị.",
    "roster_total_recorded": "Tổng số hộ của ấp: {before} → {total}, áp dụng từ {since} (đã "
    "ghi vào lịch sử tổng số hộ; các kỳ trước vẫn tính trên số cũ).",
    "total_request_push": "⏳ Đề nghị đổi tổng số hộ – {hamlet} ({code}):\n"
    "• Đang dùng: {before} hộ → theo danh sách mới: {total} hộ ({change})\n"
    "• Số hộ cấu hình: {configured}\n"
    "• Tệp {file}, do {who} nhập lúc {at}\n"
    "Trong lúc chờ duyệt, tỷ lệ bao phủ vẫn tính trên {before} hộ. Duyệt "
    "hoặc từ chối: /duyetso",
    "total_approved_push": "✅ Phòng VH-XH đã duyệt tổng số hộ của {hamlet}: {before} → {total} "
    "hộ, áp dụng từ {since}. Các kỳ trước vẫn tính trên số cũ.",
    "total_rejected_push": "❌ Phòng VH-XH không duyệt thay đổi tổng số hộ của {hamlet} "
    "({before} → {total} hộ).\nLý do: {reason}\nTổng số hộ của ấp vẫn là "
    "{before}; danh sách hộ đã nhập vẫn dùng cho /chuahuongdan.",
    "total_note": "\nGhi chú: {reason}",
    "total_note_inline": " – {reason}",
    "totals_not_allowed": "Lệnh này dành cho trưởng ấp (xem) và Phòng VH-XH (duyệt tổng số hộ).",
    "totals_none_pending": "Không có thay đổi tổng số hộ nào chờ duyệt. Xem lịch sử tổng số hộ "
    "của một ấp: /duyetso MÃ_ẤP",
    "totals_unknown_hamlet": "Không có ấp mã {code}. Các mã: {codes}",
    "totals_pending_head": "⏳ Thay đổi tổng số hộ chờ duyệt ({n}):",
    "totals_pending_line": "• #{id} {hamlet} ({code}): đang dùng {before} → theo danh sách "
    "{total} hộ ({change}); cấu hình {configured}; tệp {file}, {who} "
    "nhập lúc {at}",
    "totals_pending_hint": "Bấm Duyệt hoặc Từ chối (sẽ hỏi lý do). Duyệt thì số mới áp dụng từ "
    "hôm nay; các kỳ trước giữ nguyên số liệu. Lịch sử của một ấp: "
    "/duyetso MÃ_ẤP",
    "totals_btn_approve": "✅ Duyệt #{id} {code}",
    "totals_btn_reject": "❌ Từ chối #{id} {code}",
    "totals_btn_approve_plain": "✅ Duyệt, không ghi chú",
    "totals_ask_approve": "Duyệt tổng số hộ {hamlet}: {before} → {total} hộ, áp dụng từ hôm nay "
    "{since}. Anh/chị ghi lý do hoặc ghi chú (vd: đã đối chiếu với danh "
    "sách hộ của Công an), hoặc bấm «Duyệt, không ghi chú».",
    "totals_ask_reject": "Từ chối thay đổi tổng số hộ {hamlet} ({before} → {total} hộ). "
    "Anh/chị ghi lý do (sẽ gửi cho người nhập danh sách):",
    "totals_reason_needed": "Anh/chị vui lòng ghi lý do từ chối.",
    "totals_approved": "✅ Đã duyệt: tổng số hộ {hamlet} là {total} từ {since} (trước đó "
    "{before}). Các kỳ trước vẫn tính trên số cũ. Đã ghi nhật ký.",
    "totals_rejected": "Đã từ chối; tổng số hộ {hamlet} vẫn là {before}. Người nhập danh sách "
    "sẽ được báo kèm lý do. Đã ghi nhật ký.",
    "totals_gone": "Thay đổi này không còn chờ duyệt (đã được quyết định, hoặc đã có danh sách "
    "mới thay thế).",
    "totals_cancelled": "Đã hủy, chưa quyết định gì.",
    "totals_history_head": "📜 Tổng số hộ của {hamlet} ({code}) – đang dùng: {total} hộ (cấu "
    "hình: {configured}):",
    "totals_hist_initial": "• {total} hộ từ đầu – {source}",
    "totals_hist_approved": "• {total} hộ từ {since} – {source}; {who} quyết định lúc {at}{reason}",
    "totals_hist_pending": "• ⏳ {total} hộ – {source}: chờ Phòng VH-XH duyệt (nhập lúc {at}); "
    "trong lúc chờ vẫn tính trên {before} hộ",
    "totals_hist_rejected": "• ❌ {total} hộ – {source}: không được duyệt ({who}, {at}){reason}",
    "totals_hist_superseded": "• {total} hộ – {source}: thay bằng danh sách nhập sau ({at})",
    "totals_hist_more": "… và {n} thay đổi trước đó.",
    "totals_src_initial": "số hộ cấu hình",
    "totals_src_config": "số hộ cấu hình",
    "totals_src_roster": "danh sách hộ (tệp {file})",
    "totals_office": "Phòng VH-XH",
    "totals_rule": "Số liệu của một kỳ tính trên tổng số hộ đang dùng vào ngày cuối kỳ.",
    "cmd_todo": "Hộ chưa được hướng dẫn",
    "cmd_awards": "Đề xuất khen thưởng (giám sát)",
    "cmd_awards_list": "Các đề xuất khen thưởng, chốt bản chính thức (giám sát)",
    "cmd_papers": "Báo cáo sơ kết/tổng kết, tờ trình, dự thảo quyết định (giám sát)",
    "roster_not_allowed": "Chỉ trưởng ấp và cán bộ giám sát mới nhập được danh sách hộ. Nếu "
    "anh/chị cần nhập, vui lòng gửi tệp cho trưởng ấp.",
    "roster_download_failed": "Chưa tải được tệp do đường truyền yếu. Anh/chị vui lòng gửi lại "
    "tệp sau ít phút.",
    "roster_rejected": "❌ Chưa nhập danh sách: {errors} dòng cần sửa (chưa lưu hộ nào; {rows} "
    "dòng còn lại hợp lệ). Anh/chị sửa các dòng sau rồi gửi lại cả tệp:",
    "roster_more_errors": "… và {n} dòng khác cần sửa.",
    "roster_ask_hamlet": "Đọc được {rows} hộ. Đây là danh sách hộ của ấp nào?",
    "roster_preview": "📋 Danh sách hộ {hamlet} (tệp {file}): {rows} hộ, {phones} hộ có số điện "
    "thoại, {codes} hộ có mã hộ.",
    "roster_preview_replaces": "Danh sách này sẽ thay danh sách đang dùng ({rows} hộ; danh sách "
    "cũ vẫn được lưu lại).",
    "roster_preview_total": "Tổng số hộ của ấp sẽ tính là {total} (hiện tại: {before}). Nhập "
    "danh sách này?",
    "roster_btn_import": "✅ Nhập danh sách",
    "roster_cancelled": "Đã hủy, danh sách hộ không thay đổi.",
    "roster_upload_gone": "Không còn tệp đang chờ nhập. Anh/chị vui lòng gửi lại tệp.",
    "roster_imported": "✅ Đã nhập {rows} hộ cho {hamlet}. Tỷ lệ bao phủ của ấp từ nay tính trên "
    "{rows} hộ.",
    "roster_matched": "Ghép với các hộ đã hướng dẫn: {linked} hộ đã khớp (theo số điện thoại, "
    "hoặc họ tên + địa chỉ); {unmatched} hộ đã hướng dẫn không có trong danh "
    "sách.",
    "roster_ambiguous": "❓ {n} hộ chưa chắc là dòng nào (trùng số điện thoại hoặc trùng tên khác "
    "địa chỉ): gõ /ghepho để chọn giúp.",
    "roster_match_not_allowed": "Ghép hộ với danh sách dành cho trưởng ấp và cán bộ giám sát.",
    "roster_match_title": "❓ Ghép hộ – {hamlet}",
    "roster_match_household": "Hộ đã hướng dẫn: {name} – {address} – ☎️ {phone} (lượt #{entry}, "
    "{officer})",
    "roster_match_candidates": "Có thể là dòng nào trong danh sách hộ?",
    "roster_match_row": "{n}. Dòng {row}: {name} – {address} – ☎️ {phone}",
    "roster_btn_row": "{n}. Dòng {row}",
    "roster_btn_skip": "⏭ Bỏ qua hộ này",
    "roster_linked": "✅ Đã ghép với dòng {row} của danh sách.",
    "roster_link_failed": "Dòng này vừa được ghép với hộ khác; anh/chị vui lòng chọn lại.",
    "roster_match_done": "✅ Không còn hộ nào cần chọn.",
    "roster_none_for_match": "Chưa có ấp nào nhập danh sách hộ. Gửi tệp CSV/Excel danh sách hộ "
    "vào đây để nhập.",
    "roster_match_stopped": "Đã dừng. Gõ /ghepho để tiếp tục khi cần.",
    "todo_ask_hamlet": "Xem hộ chưa được hướng dẫn của ấp nào?",
    "todo_unknown_hamlet": "Không có ấp mã «{code}».",
    "todo_no_roster": "{hamlet} chưa có danh sách hộ nên chưa gợi ý được. Trưởng ấp gửi tệp "
    "CSV hoặc Excel danh sách hộ (cột: Họ tên chủ hộ, Địa chỉ, Số điện thoại, "
    "Mã hộ) vào đây để nhập.",
    "todo_all_done": "🎉 Mọi hộ trong danh sách {hamlet} ({total} hộ) đều đã được hướng dẫn!",
    "todo_title": "📋 {hamlet}: còn {waiting}/{total} hộ trong danh sách chưa được hướng dẫn.",
    "todo_near_first": "📍 = cùng khu vực với các hộ anh/chị đã hướng dẫn (gợi ý trước).",
    "todo_guided_earlier": " (đã hướng dẫn ở phong trào trước, chưa tính cho phong trào này)",
    "todo_line": "{n}. {mark}{name} – {address} – ☎️ {phone}",
    "todo_line_plain": "• {mark}{name} – {address} – ☎️ {phone}",
    "todo_no_phone": "chưa có số",
    "todo_tap_hint": "Bấm một hộ để ghi ngay (họ tên, địa chỉ, số điện thoại đã điền sẵn).",
    "todo_btn_log": "✍️ {n}. {name}",
    "todo_prefilled": "Ghi hộ {name} – thông tin lấy từ danh sách hộ của ấp.",
    "award_not_allowed": "Đề xuất khen thưởng dành cho cán bộ giám sát (Phòng Văn hóa – Xã hội). "
    "Anh/chị gõ /tiendo để xem tiến độ của ấp.",
    "award_unknown_arg": "Không rõ kỳ xét «{arg}». Gõ /khenthuong 6 thang, /khenthuong nam, hoặc "
    "chọn bên dưới.",
    "award_ask_period": "Xét khen thưởng cho kỳ nào?",
    "award_outside": "Kỳ này nằm ngoài thời gian của phong trào.",
    "round_label": "{name} ({start} – {end})",
    "round_name_half": "Sơ kết 6 tháng",
    "round_name_year": "Tổng kết năm {year}",
    "round_name_phase": "Tổng kết giai đoạn {first}–{last}",
    "round_name_since_start": "Từ đầu phong trào đến nay",
    "round_name_dates": "Kỳ {start} – {end}",
    "round_phrase_phase": "tổng kết giai đoạn {first}–{last}",
    "round_deadline": "Hạn gửi hồ sơ về Phòng Văn hóa – Xã hội: {day}",
    "award_deadline": "⏰ {deadline}",
    "award_rounds_line": "• {review} – mã {code}",
    "award_rounds_line_later": "• {review} – mã {code} (bắt đầu từ ngày {start})",
    "award_unknown_round": "Không rõ đợt xét «{arg}». Gõ {command} kèm mã đợt, «năm {year}» hoặc "
    "«giai đoạn», hoặc chọn bên dưới. Các đợt khen của phong trào:\n{rounds}",
    "award_no_year_round": "Phong trào không có đợt khen nào tính riêng năm {year}. Các đợt khen "
    "của phong trào:\n{rounds}",
    "award_no_phase_round": "Phong trào không có đợt khen nào tính cả giai đoạn. Các đợt khen của "
    "phong trào:\n{rounds}",
    "award_round_not_started": "Đợt «{review}» đến ngày {start} mới bắt đầu, nên chưa xét khen "
    "thưởng được. Anh/chị chọn một đợt đã bắt đầu.",
    "award_none_started": "Chưa có đợt khen nào bắt đầu: đợt đầu tiên, «{review}», bắt đầu từ "
    "ngày {start}.",
    "doc_basis_plan_phase": "Căn cứ Kế hoạch số ……/KH-UBND ngày …… tháng …… năm {year} của Ủy "
    "ban nhân dân {unit} về việc phát động phong trào thi đua thực hiện mô "
    "hình “{campaign}” giai đoạn {year}–{last};",
    "op_basis_plan_phase": "Căn cứ Kế hoạch số ……/KH-UBND ngày …… tháng …… năm {year} của Ủy ban "
    "nhân dân {unit} về phát động phong trào thi đua thực hiện mô hình "
    "“{campaign}” giai đoạn {year}–{last};",
    "op_report_h_next_phase": "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TIẾP THEO",
    "op_report_h_next_other": "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
    "award_head": "🏆 ĐỀ XUẤT KHEN THƯỞNG #{id} – {review}",
    "award_snapshot": "Số liệu tính đến hết ngày {as_of}, chốt lúc {at} ({entries} lượt ghi nhận).",
    "award_title_collective": "🏘 TẬP THỂ (tối đa {cap} ấp)",
    "award_title_special": "⭐ GIẢI ĐẶC BIỆT (tối đa {cap} ấp)",
    "award_title_individual": "👤 CÁ NHÂN (tối đa {cap} người)",
    "award_rule_collective": "Điều kiện: ít nhất {pct} số hộ của ấp được hướng dẫn; không có kết "
    "quả kiểm tra không đạt chưa được xem xét lại.",
    "award_rule_special": "Điều kiện: mọi hộ của ấp được hướng dẫn đủ số thủ tục – {large_n} thủ "
    "tục/hộ với ấp từ {large} hộ trở lên, {small_n} thủ tục/hộ với ấp dưới "
    "{large} hộ; không có kiểm tra không đạt.",
    "award_rule_individual": "Điều kiện: có hộ được hướng dẫn trong kỳ; không có kết quả kiểm tra "
    "không đạt.",
    "award_ranked_by": "Xếp theo: {order}.",
    "award_metric_coverage": "tỷ lệ hộ được hướng dẫn",
    "award_metric_special_share": "tỷ lệ hộ đủ thủ tục",
    "award_metric_guided": "số hộ được hướng dẫn",
    "award_metric_active_days": "số ngày có hướng dẫn",
    "award_metric_entries": "số lượt ghi nhận",
    "award_metric_households": "số hộ đã hướng dẫn",
    "award_line": "{rank}. {who} – {figures}",
    "award_rank": "hạng {rank}",
    "award_hamlet_figures": "{pct} ({guided}/{total} hộ) · đủ {required} thủ tục: {special_pct}",
    "award_officer_figures": "{households} hộ · {days} ngày có hướng dẫn",
    "award_checks_short": " · kiểm tra đạt {ok}/{called}",
    "award_tied": "🤝 Đồng hạng {rank}: {n} ứng viên cho {seats} suất còn lại – Hội đồng xét chọn:",
    "award_none_collective": "Chưa có ấp nào đủ điều kiện.",
    "award_none_special": "Chưa có ấp nào đủ điều kiện.",
    "award_none_individual": "Chưa có cá nhân nào đủ điều kiện.",
    "award_over_cap": "Đủ điều kiện nhưng ngoài số lượng ({n}): {names}",
    "award_close": "⏳ Gần đạt: {who} – {figures}; {lacks}",
    "award_lacks_coverage": "còn thiếu {n} hộ để đạt {pct}",
    "award_lacks_special": "còn {n} hộ chưa đủ {required} thủ tục",
    "award_lacks_individual": "kém người cuối danh sách {n} hộ",
    "award_excluded": "🚫 Không đủ điều kiện: {who} – {figures}; có kiểm tra không đạt {checks} "
    "(xem /kiemtra_xet)",
    "award_footer": "📊 Bảng minh chứng kèm theo liệt kê từng hộ, lượt ghi, mã hồ sơ và cuộc gọi "
    "kiểm tra đứng sau mỗi con số. Xem nhanh một ấp: /khenthuong_ct MÃ_ẤP.",
    "award_book_ready": "📊 Bảng minh chứng của đề xuất #{id} ({households} hộ).",
    "award_menu": "Hồ sơ khen thưởng của đề xuất #{id} (Tờ trình, Biên bản họp xét, danh sách minh "
    "chứng) – chọn ấp:",
    "award_menu_none": "Đề xuất #{id} chưa có ấp nào để lập hồ sơ.",
    "award_btn_dossier": "📄 Hồ sơ {hamlet}",
    "award_btn_zip": "📦 Tất cả {n} hồ sơ (.zip)",
    "award_btn_done": "Xong",
    "award_closed": "Đã đóng. Gõ /khenthuong để lập đề xuất mới.",
    "award_zip_ready": "📦 Hồ sơ khen thưởng của {n} ấp trong một tệp nén.",
    "award_detail_none": "Chưa có đề xuất khen thưởng nào. Gõ /khenthuong để lập.",
    "award_detail_usage": "Gõ /khenthuong_ct MÃ_ẤP (theo đề xuất #{id}). Các mã: {codes}",
    "award_detail_head": "🔎 Đề xuất #{id} – {hamlet} (số liệu chốt lúc {at}, lượt ghi đến "
    "#{max_entry})",
    "award_detail_total_roster": "• Tổng số hộ: {total} theo danh sách (cấu hình {configured}) "
    "= số dòng của danh sách hộ (tệp {file}, nhập lúc {at}).",
    "award_detail_total_config_list": "• Tổng số hộ {total} = số hộ trong cấu hình (danh sách "
    "hộ đang dùng có {rows} hộ nhưng chưa được duyệt làm tổng "
    "số hộ).",
    "award_detail_total_config": "• Tổng số hộ {total} = số hộ trong cấu hình (ấp chưa nhập danh "
    "sách hộ).",
    "award_detail_guided": "• Đã hướng dẫn {guided} hộ ({pct}) = {listed} hộ khác nhau có lượt ghi "
    "chưa xóa, ngày {start} – {as_of}.",
    "award_detail_special": "• Đủ {required} thủ tục: {special} hộ = {listed} hộ có từ {required} "
    "thủ tục khác nhau trở lên.",
    "award_detail_checks": "• Kiểm tra: {called} cuộc gọi có kết quả – ✅ {ok}, ❌ {failed}, ☎️ sai "
    "số {wrong_number}, ↩️ đã hủy không đạt {overturned}, 📵 "
    "{unreachable}; đang chờ gọi {open}.",
    "award_detail_list": "{n} hộ đầu tiên:",
    "award_detail_household": "  – {name}: ngày {days}; {procedures} thủ tục; lượt {entries}",
    "award_detail_more": "Đủ danh sách ở trang «{sheet}» của bảng minh chứng.",
    "award_kind_collective": "Tập thể",
    "award_kind_special": "Giải đặc biệt",
    "award_kind_individual": "Cá nhân",
    "award_status_proposed": "Đề nghị",
    "award_status_tied": "Đồng hạng tại ngưỡng – Hội đồng chọn",
    "award_status_over_cap": "Đủ điều kiện, ngoài số lượng",
    "award_status_close": "Gần đạt",
    "award_status_excluded": "Không đủ điều kiện (kiểm tra không đạt)",
    "award_xl_title": "Đề xuất khen thưởng #{id} – {campaign} – {unit}",
    "award_xl_period": "{review} · số liệu đến {as_of} · chốt lúc {at} · lượt ghi đến #{max_entry}"
    " · mã số liệu {fingerprint}",
    "award_xl_sheet_lines": "Đề xuất",
    "award_xl_sheet_households": "Hộ đã hướng dẫn",
    "award_xl_sheet_officers": "Cá nhân",
    "award_xl_kind": "Loại khen thưởng",
    "award_xl_status": "Kết quả xét",
    "award_xl_total_source": "Nguồn tổng số hộ",
    "award_xl_roster": "Danh sách hộ",
    "award_xl_configured": "Cấu hình",
    "award_xl_special_share": "Tỷ lệ hộ đủ thủ tục",
    "award_xl_checks": "Cuộc gọi kiểm tra có kết quả",
    "award_xl_checks_ok": "Kiểm tra đạt",
    "award_xl_checks_failed": "Kiểm tra không đạt",
    "award_xl_lacks": "Còn thiếu (hộ)",
    "award_xl_failed_ids": "Thẻ kiểm tra không đạt",
    "award_xl_households": "Số hộ đã hướng dẫn",
    "award_xl_roster_code": "Mã hộ (danh sách)",
    "award_xl_roster_row": "Dòng trong danh sách",
    "award_xl_procedure_count": "Số thủ tục khác nhau",
    "award_xl_meets_rule": "Đủ số thủ tục",
    "award_xl_days": "Ngày hướng dẫn",
    "award_xl_entries": "Lượt ghi nhận",
    "award_xl_check_results": "Kết quả kiểm tra",
    "award_xl_overturned": "đã hủy",
    # --- python -m bot roster (import / show) -------------------------------------------
    "cli_roster_no_file": "Không mở được tệp «{path}» (không có tệp này hoặc không có quyền đọc).",
    "cli_roster_total": "Tổng số hộ của ấp sẽ tính là {total} (hiện tại: {before}).",
    "cli_roster_confirm": "Nhập danh sách này? (y/N) ",
    "cli_roster_needs_yes": "Chưa nhập gì: không hỏi xác nhận được vì lệnh không chạy trong cửa "
    "sổ dòng lệnh (hoặc đang có CI=true). Xem lại phần trên rồi chạy lại "
    "lệnh với --yes để nhập.",
    "cli_roster_changed": "Danh sách hộ của {hamlet} vừa thay đổi trong lúc chờ xác nhận; chưa "
    "nhập gì. Vui lòng chạy lại lệnh.",
    "cli_roster_show_row": "{code} · {hamlet}: {rows} hộ · tệp {file} · nhập lúc {when} · "
    "{linked} hộ đã ghép, {ambiguous} hộ chưa chắc",
    "cli_roster_show_none": "{code} · {hamlet}: chưa có danh sách hộ (tổng số hộ theo cấu hình: "
    "{total})",
    # --- zalo, http server, download links ------------------------------------------
    "cfg_mode": 'cần "polling" hoặc "webhook"',
    "cfg_https": "cần địa chỉ công khai bắt đầu bằng https://",
    "cfg_secret": "cần chuỗi bí mật 8–256 ký tự gồm chữ, số, _ hoặc -",
    "cfg_base_url": "cần địa chỉ bắt đầu bằng http:// hoặc https://",
    "cfg_port": "cần số cổng từ 1 đến 65535",
    "cfg_zalo_token_missing": "cần token của bot Zalo (lấy ở trang Zalo Bot Platform) hoặc "
    "token_env",
    "cfg_webhook_url": "chế độ webhook cần webhook_url hoặc http.public_url dạng https://",
    "cfg_unknown_key": "khóa không hợp lệ (các khóa hợp lệ: docs/configuration.md)",
    "cfg_unknown_key_hint": "khóa không hợp lệ, có phải «{hint}»?",
    "cfg_no_channel": "chưa bật kênh nào: cần [telegram] hoặc [zalo] với enabled = true",
    "zalo_text_only": "Bot chỉ đọc được tin nhắn chữ. Anh/chị vui lòng gõ nội dung (ví dụ "
    "/help để xem hướng dẫn).",
    "download_link": "📎 Tải tệp {name} tại: {url}\n(Liên kết chỉ dành cho anh/chị, dùng được "
    "một lần, hết hạn lúc {expires}.)",
    "download_unavailable": "📎 Tệp {name} không gửi được qua kênh này và máy chủ chưa có địa "
    "chỉ tải về (http.public_url). Anh/chị vui lòng lấy tệp qua "
    "Telegram hoặc nhờ quản trị viên xuất tệp.",
    "download_refused_title": "Không tải được tệp",
    "download_unknown": "Liên kết không đúng. Anh/chị vui lòng mở lại đúng liên kết bot đã gửi.",
    "download_expired": "Liên kết đã hết hạn. Anh/chị vui lòng yêu cầu lại tệp trong bot để "
    "nhận liên kết mới.",
    "download_used": "Liên kết này đã được dùng (mỗi liên kết chỉ tải được một lần). Anh/chị "
    "vui lòng yêu cầu lại tệp trong bot để nhận liên kết mới.",
    "download_role": "Liên kết này không còn dùng được vì vai trò hoặc ấp của người nhận đã "
    "thay đổi. Anh/chị vui lòng yêu cầu lại tệp trong bot.",
    "download_page": "Tệp {name} sẵn sàng để tải. Liên kết chỉ tải được một lần, hết hạn lúc "
    "{expires}. Nếu tải bị lỗi, anh/chị yêu cầu lại tệp trong bot.",
    "download_button": "⬇️ Tải xuống",
    "cli_run_no_http": "không bật (không dùng webhook hay liên kết tải)",
    "cli_run_channel_failed": "Không khởi động được kênh {channel} (mã lỗi {code}: {error}). "
    "Anh/chị kiểm tra token {channel}, base_url và kết nối mạng.",
    # ZALO-HTTP-END
    # --- linking accounts across channels (/lienket, /taikhoan) -----------------------
    "link_channel_telegram": "Telegram",
    "link_channel_zalo": "Zalo",
    "link_channel_console": "máy tính (console)",
    "link_code_self": "🔗 Mã liên kết tài khoản của anh/chị (dùng một lần, hết hạn lúc "
    "{expires}).\nĐể dùng bot trên ứng dụng khác (Zalo hoặc Telegram): mở bot "
    "trên ứng dụng đó rồi gửi tin nhắn bên dưới (hoặc chỉ cần gửi mã). Các hộ "
    "đã ghi, vai trò và ấp của anh/chị được giữ nguyên.\n⚠️ Không đưa mã này "
    "cho người khác: ai có mã sẽ dùng được tài khoản của anh/chị.",
    "link_code_for": "🔗 Mã liên kết cho {name} ({who}), dùng một lần, hết hạn lúc {expires}.\n"
    "Chỉ gửi mã này cho chính người đó: họ mở bot trên ứng dụng mới (Zalo "
    "hoặc Telegram) rồi gửi tin nhắn bên dưới (hoặc chỉ cần gửi mã).",
    "link_who_hamlet": "{role}, {hamlet}",
    "ask_link_pick": "Có nhiều người khớp với «{query}». Tạo mã liên kết cho ai?",
    "link_name_none": "Không tìm thấy người dùng nào đang hoạt động có tên «{query}». "
    "Anh/chị kiểm tra lại tên (gõ có dấu hay không dấu đều được).",
    "link_name_many": "Có {count} người khớp với «{query}». Anh/chị vui lòng gõ đầy đủ họ tên hơn.",
    "link_name_admin_only": "Chỉ người quản trị mới tạo được mã liên kết cho người khác. Để "
    "lấy mã cho chính anh/chị, gửi /lienket (không kèm gì). Nếu "
    "anh/chị đang nhập mã, mã gồm 10 ký tự chữ và số.",
    "link_done": "✅ Đã liên kết! Từ nay anh/chị dùng bot trên {channel} với cùng tài khoản "
    "của {name} ({who}). Các hộ đã ghi, vai trò và ấp được giữ nguyên.",
    "link_done_merged": "Tài khoản riêng trước đây của anh/chị trên {channel} (chưa ghi hộ "
    "nào) đã được gộp vào tài khoản này.",
    "link_already": "Tài khoản {channel} này đã được liên kết với tài khoản của anh/chị rồi, "
    "không cần làm gì thêm. Mã vẫn dùng được trên ứng dụng còn lại.",
    "link_user_inactive": "Tài khoản gắn với mã liên kết này đã ngừng hoạt động nên không "
    "liên kết được. Anh/chị vui lòng liên hệ người quản trị.",
    "link_channel_taken": "Tài khoản của anh/chị đã được liên kết với một tài khoản {channel} "
    "khác nên không liên kết thêm được. Nếu muốn chuyển sang tài khoản "
    "{channel} này, anh/chị vui lòng nhờ người quản trị gỡ liên kết cũ (người quản trị gõ "
    "/nhansu <tên anh/chị> rồi chọn «Gỡ liên kết {channel}»), sau đó gõ lại mã.",
    "link_has_entries": "Tài khoản {channel} này đang là một tài khoản riêng đã ghi {count} "
    "lượt hướng dẫn, nên không thể tự động gộp vào tài khoản khác. "
    "Anh/chị vui lòng liên hệ người quản trị để được hỗ trợ.",
    "accounts_title": "🔗 Tài khoản {name} ({who}) đang dùng bot trên:",
    "accounts_line": "• {channel} – liên kết ngày {day}{here}",
    "accounts_here": " (đang nhắn tin từ đây)",
    "accounts_hint": "Để dùng bot trên ứng dụng khác (Zalo hoặc Telegram) với cùng tài khoản, "
    "gửi /lienket.",
    "help_link": "• /lienket – dùng bot trên cả Zalo và Telegram với cùng tài khoản; "
    "/taikhoan – xem các ứng dụng đã liên kết",
    "help_link_admin": "• /lienket TÊN – tạo mã liên kết cho một người "
    "(vd: /lienket Nguyễn Văn An)",
    # LINKING-END
    # UNITS
    "report_units_title": "📊 Báo cáo tiến độ theo xã, phường",
    "report_unit_row": "{rank}. {unit}: {guided}/{total} hộ ({pct}) · {reached}/{n} ấp đạt · "
    "hộ mới +{new}",
    "report_units_hint": "Xem từng ấp của một xã: /baocao {example} (gõ tên xã, có dấu hay "
    "không đều được).",
    "report_unit_title": "🏛 {unit} – {n} ấp",
    "report_ask_unit": "Gõ tên xã, phường muốn xem (vd: Hòn Tre):",
    "report_unit_unknown": "Không tìm thấy xã, phường «{text}». Vui lòng gõ lại tên "
    "(chỉ cần phần tên riêng, vd: Hòn Tre).",
    "weekly_inactive_count": "💤 {n} cán bộ chưa ghi nhận {days} ngày trở lên "
    "(xem /baocao từng xã).",
    # UNITS-END
    # CAPTURE
    "saved_new": "✅ Đã lưu hộ (mục #{id}):",
    "saved_same_household": "✅ Đã thêm lần hướng dẫn này vào hộ đã có (mục #{id}):",
    "saved_other_household": "✅ Đã lưu thành hộ riêng, có ghi chú dùng chung số điện thoại "
    "với hộ khác (mục #{id}):",
    "saved_separate_household": "✅ Đã lưu thành hộ riêng (mục #{id}):",
    "saved_undo_hint": "Nếu nhập nhầm, bấm «↩️ Hoàn tác» trong vòng {minutes} phút.",
    "opt_undo": "↩️ Hoàn tác",
    "typed_edit": "sửa {id}",
    "typed_undo": "hoàn tác {id}",
    "cli_type_word": "• {label}: gõ «{word}»",
    "late_message": "ℹ️ Tin nhắn viết lúc {written} nhưng đến lúc {arrived}, nên ngày hướng dẫn "
    "được ghi theo lúc viết. Nếu không đúng, bấm «✏️ Sửa».",
    "undone": "↩️ Đã hoàn tác mục #{id} ({name}): mục này không còn được tính, nhật ký vẫn "
    "lưu lại. Gửi lại dòng đúng nếu cần.",
    "undo_gone": "Không còn mục #{id} để hoàn tác (đã xóa, hoặc không phải mục anh/chị ghi).",
    "undo_too_late": "Mục #{id} đã lưu quá {minutes} phút nên không hoàn tác nhanh được nữa. "
    "Để xóa, gõ /xoa {id} và nêu lý do.",
    "undo_reason": "Hoàn tác ngay sau khi lưu",
    "edit_cancelled": "Đã hủy sửa, mục vẫn giữ như cũ.",
    "one_line_example": "Tôi chưa đọc được hộ trong tin nhắn này. Mỗi tin nhắn một hộ, "
    "ví dụ:\nNguyễn Văn An, Tổ 3 ấp Bãi Nhà A, 0912 345 678, khai sinh\n"
    "(họ tên, địa chỉ, số điện thoại, thủ tục; có thể thêm mã hồ sơ và "
    "ngày; ngăn cách bằng dấu phẩy, dấu ; hoặc xuống dòng). Hoặc gõ /them "
    "để được hỏi từng mục.",
    "ask_for_household": "Hộ {name}:",
    "ask_name_check": "Họ tên gõ là «{typed}». Có phải là «{name}» không?",
    "opt_name_use": "Đúng: {name}",
    "opt_name_keep": "Giữ như đã gõ",
    "draft_unnamed": "(chưa có tên)",
    "draft_set_aside": "📝 Hộ {name} đang nhập dở được giữ lại. Gõ /tiep để nhập tiếp.",
    "question_set_aside": "ℹ️ Câu hỏi trước đã được bỏ qua để xử lý tin nhắn này.",
    "queued": "📥 Đã nhận hộ {name}. Hộ này cần hỏi thêm, sẽ hỏi ngay sau khi xong hộ đang hỏi.",
    "queue_next": "➡️ Tiếp theo, hộ {name}:",
    "drafts_waiting": "📝 Còn {count} hộ chưa lưu (đầu tiên: {name}). Gõ /tiep để nhập tiếp.",
    "drafts_busy": "Anh/chị đang trả lời câu hỏi cho một hộ; xong hộ này tôi sẽ hỏi hộ tiếp.",
    "drafts_none": "Không còn hộ nào đang nhập dở.",
    "draft_resumed": "➡️ Nhập tiếp hộ {name}:",
    "question_expired": "Câu hỏi này đã gửi khá lâu, anh/chị vui lòng xem lại rồi trả lời:",
    "menu_expired": "Câu hỏi trước đã hết hạn. Anh/chị vui lòng gõ lại lệnh (gõ /help để xem "
    "các lệnh).",
    "answer_before_question": "Tin «{text}» được gửi trước khi câu hỏi dưới đây đến máy "
    "anh/chị, nên chưa được dùng để trả lời. Anh/chị vui lòng "
    "xem câu hỏi rồi trả lời lại:",
    "dup_reason_phone": "trùng số điện thoại",
    "dup_reason_name_address": "trùng họ tên và địa chỉ",
    "dup_reason_similar": "họ tên giống, địa chỉ gần giống",
    "opt_dup_other": "Hộ khác – chỉ trùng tên",
    "opt_dup_other_phone": "Hộ khác (dùng chung số điện thoại)",
    "cmd_next": "Nhập tiếp hộ đang dở",
    "cmd_start": "Bắt đầu (gõ kèm mã mời)",
    "date_invalid": (
        "Chưa đọc được ngày «{text}». Gõ ngày/tháng (vd: 15/03 hoặc 15/03/2026), "
        "hoặc «hôm nay», «hôm qua», «thứ 2»."
    ),
    "date_no_such_day": "Không có ngày «{text}» trên lịch. Vui lòng kiểm tra lại ngày và tháng.",
    "date_future": "Ngày {day} chưa tới (hôm nay là {today}). Vui lòng nhập ngày đã hướng dẫn hộ.",
    "date_before_campaign": (
        "Ngày {day} trước khi phong trào bắt đầu ({start}). Vui lòng kiểm tra lại."
    ),
    "date_after_campaign": "Ngày {day} sau khi phong trào kết thúc ({end}). Vui lòng kiểm tra lại.",
    "still_open": "⏳ Câu hỏi còn chờ anh/chị trả lời:",
    "cancelled_household": "Đã hủy hộ {name}, chưa lưu gì.",
    "not_understood_staff": "Tôi chưa hiểu tin nhắn này. Gõ /help để xem các lệnh anh/chị "
    "dùng được.",
    "quality_title": "🔎 Cảnh báo chất lượng dữ liệu – các mục nên gọi kiểm tra:",
    "quality_none": "🔎 Chưa thấy dấu hiệu bất thường nào trong các mục đã ghi.",
    "quality_kind_late": "⏰ Ghi nhận muộn ({days} ngày trở lên sau ngày hướng dẫn): {count}",
    "quality_kind_burst": "⚡ Ghi dồn ({n} mục trở lên trong {minutes} phút, cùng một cán bộ): "
    "{count} đợt",
    "quality_kind_night": "🌙 Ghi vào ban đêm ({start} – {end}): {count}",
    "quality_kind_phone_hamlets": "📞 Một số điện thoại ở nhiều ấp: {count}",
    "quality_kind_dossier_repeat": "🧾 Mã hồ sơ dùng cho nhiều hộ: {count}",
    "quality_kind_reentered": "♻️ Hộ bị xóa rồi ghi lại: {count}",
    "quality_entry": "#{id} {name} ({day})",
    "quality_and_more": " và {count} mục nữa",
    "quality_more": "  … và {count} trường hợp nữa",
    "quality_detail_late": "ghi sau {value} ngày",
    "quality_detail_burst": "{value} mục",
    "quality_detail_night": "lúc {value}",
    "quality_detail_phone_hamlets": "{value} ấp",
    "quality_detail_dossier_repeat": "mã {value}",
    "quality_detail_reentered": "",
    "quality_short_late": "ghi muộn",
    "quality_short_burst": "ghi dồn",
    "quality_short_night": "ghi ban đêm",
    "quality_short_phone_hamlets": "SĐT nhiều ấp",
    "quality_short_dossier_repeat": "mã hồ sơ lặp",
    "quality_short_reentered": "xóa rồi ghi lại",
    "opt_quality_flag": "🚩 Đưa {count} mục «{what}» vào đợt rút tới",
    "quality_flag_reason": "Cảnh báo: {what}",
    "quality_flagged": "🚩 Đã đánh dấu {count} mục «{what}»: các mục này sẽ có trong lần rút "
    "mẫu kiểm tra tới.",
    "quality_closed": "Đã đóng danh sách cảnh báo.",
    "cmd_quality": "Cảnh báo chất lượng dữ liệu (giám sát)",
    # CAPTURE-END
}
