"""Messages for bulk_invites: a staff list sent in chat or to `python -m bot invite --file`,
its row errors, the preview, the codes and the printable sheet."""

from __future__ import annotations

VI: dict[str, str] = {
    # --- the file as a whole ------------------------------------------------------------
    "bulk_err_empty": "Tệp danh sách cán bộ đang trống. Vui lòng nhập danh sách bên dưới dòng "
    "tiêu đề cột rồi gửi lại.",
    "bulk_err_nobody": "Danh sách chưa có người nào bên dưới dòng tiêu đề cột. Vui lòng nhập "
    "mỗi người một dòng rồi gửi lại.",
    "bulk_err_too_big": "Tệp quá lớn (tối đa {limit_mb} MB). Danh sách cán bộ chỉ cần các cột "
    "họ tên, vai trò, ấp, số điện thoại: vui lòng xóa hình ảnh và các trang tính không cần "
    "thiết rồi gửi lại.",
    "bulk_err_too_many": "Danh sách quá dài (tối đa {limit} người một lần). Vui lòng chia thành "
    "nhiều tệp nhỏ hơn.",
    "bulk_err_xls": "Tệp .xls (Excel đời cũ) chưa đọc được. Vui lòng mở bằng Excel, chọn Tệp → "
    "Lưu thành, chọn kiểu «Excel Workbook (*.xlsx)» rồi gửi tệp mới.",
    "bulk_err_format": "Chỉ nhận danh sách dạng Excel (.xlsx) hoặc CSV (.csv). Vui lòng lưu lại "
    "tệp theo một trong hai dạng này rồi gửi lại.",
    "bulk_err_unreadable": "Không mở được tệp này (tệp có thể bị hỏng hoặc có đặt mật khẩu). "
    "Vui lòng mở bằng Excel, lưu lại dạng .xlsx (không đặt mật khẩu) rồi gửi lại.",
    "bulk_err_encoding": "Không đọc được chữ tiếng Việt trong tệp CSV (tệp không lưu theo bảng "
    "mã UTF-8). Vui lòng lưu lại dạng «CSV UTF-8» hoặc gửi tệp .xlsx.",
    "bulk_err_no_header": "Không tìm thấy dòng tiêu đề của danh sách cán bộ. Dòng tiêu đề cần "
    "nằm trong 10 dòng đầu và có các cột «Họ tên», «Vai trò», «Ấp» (có thể thêm «Số điện "
    "thoại», «Xã» cho cán bộ giám sát).",
    "bulk_err_no_role": "Danh sách thiếu cột «Vai trò» (cán bộ, trưởng ấp hay giám sát). Vui "
    "lòng thêm cột này vào dòng tiêu đề, ghi vai trò cho từng người rồi gửi lại.",
    # --- one row ------------------------------------------------------------------------
    "bulk_err_name": "Dòng {row} – họ tên: {detail}",
    "bulk_reason_name_empty": "còn trống. Vui lòng điền họ tên người được mời.",
    "bulk_reason_name_too_long": "dài quá {limit} ký tự. Vui lòng chỉ ghi họ và tên.",
    "bulk_reason_name_looks_like_phone": "có vẻ là số điện thoại. Vui lòng kiểm tra các cột có "
    "bị lệch không.",
    "bulk_reason_name_invalid": "chưa phải họ tên. Vui lòng ghi họ tên bằng chữ (vd: Nguyễn "
    "Văn An).",
    "bulk_reason_name_symbols": "chỉ được gồm chữ cái và khoảng trắng (không có chữ số hay ký "
    "hiệu).",
    "bulk_err_role_empty": "Dòng {row} – vai trò còn trống. Vui lòng ghi «cán bộ», «trưởng ấp» "
    "hoặc «giám sát».",
    "bulk_err_role": "Dòng {row} – vai trò «{value}» chưa rõ. Vui lòng ghi «cán bộ», «trưởng ấp» "
    "hoặc «giám sát».",
    "bulk_err_role_admin": "Dòng {row} – không tạo mã quản trị qua danh sách in. Vui lòng xóa "
    "dòng này và mời riêng bằng lệnh /moi quantri.",
    "bulk_err_hamlet_empty": "Dòng {row} – cột ấp còn trống. Cán bộ ấp và trưởng ấp cần ghi mã "
    "hoặc tên ấp.",
    "bulk_err_hamlet": "Dòng {row} – không có ấp «{value}» trong phong trào. Vui lòng ghi đúng "
    "mã ấp hoặc tên ấp.",
    "bulk_err_hamlet_twice": "Dòng {row} – có nhiều ấp tên «{value}» ({codes}). Vui lòng ghi mã "
    "ấp, hoặc ghi thêm tên xã ở cột «Xã».",
    "bulk_err_hamlet_closed": "Dòng {row} – ấp {hamlet} không còn trong phong trào. Vui lòng "
    "kiểm tra lại ấp của người này.",
    "bulk_err_hamlet_unit": "Dòng {row} – ấp {hamlet} không thuộc {unit}. Vui lòng kiểm tra lại "
    "cột ấp hoặc cột xã.",
    "bulk_err_unit": "Dòng {row} – không có xã «{value}» trong phong trào (có: {units}). Vui "
    "lòng ghi đúng tên xã, hoặc để trống nếu người giám sát theo dõi tất cả các xã.",
    "bulk_err_phone": "Dòng {row} – số điện thoại «{value}» không hợp lệ: {detail}",
    "bulk_err_dup_phone": "Dòng {row} – số điện thoại trùng với dòng {first}. Mỗi người cần số "
    "của mình (hoặc để trống).",
    "bulk_err_dup_person": "Dòng {row} – người này (cùng họ tên và ấp) đã có ở dòng {first}. "
    "Vui lòng xóa dòng trùng.",
    # --- in chat ----------------------------------------------------------------------------
    "bulk_not_allowed": "Tệp này là danh sách cán bộ: chỉ người quản trị mới dùng được để tạo "
    "mã mời. Nếu anh/chị muốn gửi danh sách hộ của ấp, tệp cần có cột «Họ tên chủ hộ» và "
    "«Địa chỉ».",
    "bulk_err_which_list": "Chưa nhận ra tệp này là danh sách nào. Dòng tiêu đề (trong 10 dòng "
    "đầu) cần có:\n• danh sách cán bộ để tạo mã mời: «Họ tên», «Vai trò», «Ấp» (thêm «Số điện "
    "thoại», «Xã» nếu có);\n• danh sách hộ của ấp: «Họ tên chủ hộ», «Địa chỉ».\nVui lòng sửa "
    "dòng tiêu đề rồi gửi lại.",
    "bulk_rejected": "❌ Chưa tạo mã mời nào: danh sách có {errors} chỗ cần sửa ({rows} người "
    "hợp lệ). Vui lòng sửa các dòng dưới đây rồi gửi lại cả tệp:",
    "bulk_more_errors": "… và {n} chỗ khác cần sửa.",
    "bulk_preview": "📋 Danh sách «{file}»: {n} người hợp lệ, không có dòng lỗi.\n{lines}\nMỗi "
    "người nhận một mã mời dùng một lần, hết hạn lúc {expires}. Tạo mã cho cả {n} người?",
    "bulk_preview_role": "• {role}: {n}",
    "bulk_warn_title": "⚠️ Lưu ý (vẫn tạo được mã):",
    "bulk_warn_existing": "• Dòng {row} – đã có {name} ({who}, {place}) đang dùng bot. Nếu "
    "chính người này dùng mã mới, tài khoản hiện có của họ sẽ được chuyển thành {role} theo mã "
    "(các hộ đã ghi giữ nguyên); nếu là người khác trùng tên thì không sao. Người đang dùng bot "
    "không cần mã mới.",
    "bulk_more_warnings": "• … và {n} người khác đã có trong bot.",
    "bulk_office": "Phòng VH-XH",
    "bulk_preview_hamlets": "• Ấp: {hamlets}",
    "bulk_btn_create": "✅ Tạo {n} mã mời",
    "bulk_cancelled": "Đã hủy, chưa tạo mã mời nào.",
    "bulk_gone": "Danh sách chờ xác nhận không còn. Vui lòng gửi lại tệp danh sách cán bộ.",
    "bulk_changed": "❌ Chưa tạo mã mời nào: từ lúc xem trước đến giờ có chỗ đã thay đổi. Vui "
    "lòng sửa rồi gửi lại tệp:",
    "bulk_created": "✅ Đã tạo {n} mã mời. Mỗi mã dùng một lần, hết hạn lúc {expires}.\nGửi "
    "cho từng người mã hoặc đường dẫn của họ, hoặc in phiếu kèm theo (có mã QR) để phát tại "
    "cuộc họp.",
    "bulk_line_link": "{n}. {name} – {role}{place}\n    Mã: {code} · {link}",
    "bulk_line_code": "{n}. {name} – {role}{place}\n    Mã: {code}",
    "bulk_place": ", {place}",
    "bulk_all_units": "tất cả các xã",
    "bulk_sheet_caption": "🖨 Phiếu mã mời để in (khổ A4, cắt theo đường gạch).",
    "help_bulk_invites": "📋 Mời nhiều người một lần: gửi tệp Excel/CSV danh sách cán bộ có "
    "các cột Họ tên, Vai trò (cán bộ, trưởng ấp, giám sát), Ấp (mã hoặc tên), Số điện thoại "
    "(nếu có), Xã (cho người giám sát một xã). Bot báo dòng nào cần sửa, hỏi lại rồi gửi mã, "
    "đường dẫn và phiếu in có mã QR.",
    # --- command line -----------------------------------------------------------------------
    "cli_bulk_no_file": "Không mở được tệp {path}.",
    "cli_bulk_role_or_file": "Cần --role (một mã mời) hoặc --file (danh sách cán bộ).",
    "cli_bulk_sheet": "Phiếu in: {path}",
    # --- the printable sheet ----------------------------------------------------------------
    "bulk_sheet_place_date": "{place}, ngày {day} tháng {month} năm {year}",
    "bulk_sheet_title": "DANH SÁCH MÃ MỜI",
    "bulk_sheet_subject": "Sử dụng chatbot phong trào «{campaign}»",
    "bulk_sheet_doc_title": "Mã mời – {campaign}",
    "bulk_sheet_count": "Danh sách gồm {n} người. ",
    "bulk_sheet_expires": "Mã dùng được đến {expires}; mỗi mã chỉ dùng một lần.",
    "bulk_sheet_how_link": "Cách dùng: mở camera điện thoại quét mã QR trên phiếu của mình, mở "
    "bằng Telegram rồi bấm «Bắt đầu» (Start); hoặc tìm @{bot} trên Telegram và gửi «/start» "
    "kèm mã mời.",
    "bulk_sheet_how_code": "Cách dùng: mở chatbot của phong trào, gửi mã mời trên phiếu của "
    "mình (hoặc quét mã QR để lấy mã).",
    "bulk_sheet_keep": "Phiếu của ai người ấy giữ; không chụp gửi lên nhóm. Mất phiếu hoặc mã "
    "hết hạn: báo người quản trị để cấp mã mới.",
    "bulk_sheet_code_label": "Mã mời:",
    "bulk_sheet_card_until": "Dùng đến {expires}",
}

EN: dict[str, str] = {
    "bulk_err_empty": "The staff list file is empty. Please enter the list under the header row "
    "and send it again.",
    "bulk_err_nobody": "The list has nobody under its header row. Please enter one person per "
    "row and send it again.",
    "bulk_err_too_big": "The file is too large (at most {limit_mb} MB). A staff list needs only "
    "name, role, hamlet and phone columns: please remove pictures and extra sheets and send it "
    "again.",
    "bulk_err_too_many": "The list is too long (at most {limit} people at once). Please split "
    "it into smaller files.",
    "bulk_err_xls": "Old Excel files (.xls) cannot be read. Please open it in Excel, choose "
    "File → Save As, type «Excel Workbook (*.xlsx)», and send the new file.",
    "bulk_err_format": "Only Excel (.xlsx) or CSV (.csv) lists are accepted. Please save the "
    "file in one of these formats and send it again.",
    "bulk_err_unreadable": "This file cannot be opened (it may be damaged or password-protected). "
    "Please save it again as .xlsx without a password and send it again.",
    "bulk_err_encoding": "The Vietnamese text in this CSV file cannot be read (it is not "
    "UTF-8). Please save it as «CSV UTF-8» or send an .xlsx file.",
    "bulk_err_no_header": "No staff list header row was found. It must be within the first 10 "
    "rows and have the columns «Name», «Role», «Hamlet» (optionally «Phone», and «Commune» for "
    "supervisors).",
    "bulk_err_no_role": "The list has no «Role» column (officer, hamlet head or supervisor). "
    "Please add it to the header row, fill in each person's role and send it again.",
    "bulk_err_name": "Row {row} – name: {detail}",
    "bulk_reason_name_empty": "is empty. Please fill in the person's name.",
    "bulk_reason_name_too_long": "is longer than {limit} characters. Please write only the "
    "full name.",
    "bulk_reason_name_looks_like_phone": "looks like a phone number. Please check whether the "
    "columns are shifted.",
    "bulk_reason_name_invalid": "is not a name. Please write it in letters (e.g. Nguyễn Văn An).",
    "bulk_reason_name_symbols": "may contain only letters and spaces (no digits or symbols).",
    "bulk_err_role_empty": "Row {row} – the role is empty. Please write «officer», «hamlet "
    "head» or «supervisor».",
    "bulk_err_role": "Row {row} – the role «{value}» is not clear. Please write «officer», "
    "«hamlet head» or «supervisor».",
    "bulk_err_role_admin": "Row {row} – admin codes are not made from a printed list. Please "
    "remove this row and invite them on their own with /invite admin.",
    "bulk_err_hamlet_empty": "Row {row} – the hamlet is empty. Officers and hamlet heads need "
    "a hamlet code or name.",
    "bulk_err_hamlet": "Row {row} – there is no hamlet «{value}» in the campaign. Please write "
    "its code or name correctly.",
    "bulk_err_hamlet_twice": "Row {row} – several hamlets are called «{value}» ({codes}). "
    "Please write the hamlet's code, or the commune in the «Commune» column.",
    "bulk_err_hamlet_closed": "Row {row} – hamlet {hamlet} is no longer in the campaign. Please "
    "check this person's hamlet.",
    "bulk_err_hamlet_unit": "Row {row} – hamlet {hamlet} is not in {unit}. Please check the "
    "hamlet or the commune column.",
    "bulk_err_unit": "Row {row} – there is no commune «{value}» in the campaign ({units}). "
    "Please write its name correctly, or leave it empty for a supervisor of every commune.",
    "bulk_err_phone": "Row {row} – the phone number «{value}» is not valid: {detail}",
    "bulk_err_dup_phone": "Row {row} – the phone number is the same as row {first}. Each "
    "person needs their own (or none).",
    "bulk_err_dup_person": "Row {row} – this person (same name and hamlet) is already on row "
    "{first}. Please remove the repeated row.",
    "bulk_not_allowed": "This file is a staff list: only admins can use one to make invite "
    "codes. To send your hamlet's household list, the file needs the columns «Household head» "
    "and «Address».",
    "bulk_err_which_list": "This file is not recognised as either list. Its header row (within "
    "the first 10 rows) needs:\n• a staff list for invites: «Name», «Role», «Hamlet» (plus "
    "«Phone», «Commune» if any);\n• a hamlet's household list: «Household head», «Address».\n"
    "Please fix the header row and send it again.",
    "bulk_rejected": "❌ No invite was made: the list has {errors} things to fix ({rows} people "
    "are fine). Please fix the rows below and send the whole file again:",
    "bulk_more_errors": "… and {n} more to fix.",
    "bulk_preview": "📋 List «{file}»: {n} people, no row with errors.\n{lines}\nEach person gets "
    "a single-use invite code, valid until {expires}. Make codes for all {n}?",
    "bulk_preview_role": "• {role}: {n}",
    "bulk_warn_title": "⚠️ Note (the codes can still be created):",
    "bulk_warn_existing": "• Row {row} – {name} ({who}, {place}) already uses the bot. If "
    "this same person redeems the new code, their account becomes {role} as the code says "
    "(their entries stay); a namesake is fine. Someone already on the bot needs no new "
    "code.",
    "bulk_more_warnings": "• … and {n} more people already on the bot.",
    "bulk_office": "the office",
    "bulk_preview_hamlets": "• Hamlets: {hamlets}",
    "bulk_btn_create": "✅ Make {n} invites",
    "bulk_cancelled": "Cancelled, no invite was made.",
    "bulk_gone": "The list waiting for confirmation is gone. Please send the staff list again.",
    "bulk_changed": "❌ No invite was made: something changed since the preview. Please fix it "
    "and send the file again:",
    "bulk_created": "✅ {n} invites made. Each code works once, until {expires}.\nSend each "
    "person their code or link, or print the attached sheet (with QR codes) to hand out at a "
    "meeting.",
    "bulk_line_link": "{n}. {name} – {role}{place}\n    Code: {code} · {link}",
    "bulk_line_code": "{n}. {name} – {role}{place}\n    Code: {code}",
    "bulk_place": ", {place}",
    "bulk_all_units": "every commune",
    "bulk_sheet_caption": "🖨 Invite sheet to print (A4, cut along the dashed lines).",
    "help_bulk_invites": "📋 Invite many people at once: send an Excel/CSV staff list with the "
    "columns Name, Role (officer, hamlet head, supervisor), Hamlet (code or name), Phone "
    "(optional), Commune (for a one-commune supervisor). The bot lists rows to fix, asks, then "
    "sends codes, links and a printable sheet with QR codes.",
    "cli_bulk_no_file": "Cannot open the file {path}.",
    "cli_bulk_role_or_file": "Give --role (one invite) or --file (a staff list).",
    "cli_bulk_sheet": "Printable sheet: {path}",
    "bulk_sheet_place_date": "{place}, {day}/{month}/{year}",
    "bulk_sheet_title": "INVITE CODES",
    "bulk_sheet_subject": "For the chatbot of the campaign «{campaign}»",
    "bulk_sheet_doc_title": "Invite codes – {campaign}",
    "bulk_sheet_count": "{n} people on this list. ",
    "bulk_sheet_expires": "Codes work until {expires}; each code works once.",
    "bulk_sheet_how_link": "How to use: scan the QR code on your card with the phone's camera, "
    "open it in Telegram and tap «Start»; or find @{bot} in Telegram and send «/start» with "
    "the code.",
    "bulk_sheet_how_code": "How to use: open the campaign's chatbot and send the invite code on "
    "your card (or scan the QR code to get it).",
    "bulk_sheet_keep": "Each card is for its person only; do not post photos of it in groups. "
    "Lost card or expired code: ask an admin for a new one.",
    "bulk_sheet_code_label": "Code:",
    "bulk_sheet_card_until": "Valid until {expires}",
}
