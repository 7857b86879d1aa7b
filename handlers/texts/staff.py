"""Messages for staff: /nhansu (the staff list, a person's card, taking access away, moves
and role changes), /dangxuat, the refusal a person whose access was taken away gets, and
`python -m bot users`."""

from __future__ import annotations

VI: dict[str, str] = {
    "cmd_people": "Nhân sự: ai dùng bot, tạm ngừng, chuyển ấp",
    "help_people": (
        "👥 /nhansu – danh sách người dùng bot theo ấp: vai trò, ứng dụng đã liên kết, lần "
        "hoạt động gần nhất, số lượt ghi trong tháng, lời mời chưa dùng. /nhansu <tên> – thẻ "
        "của một người (người quản trị: tạm ngừng quyền dùng, chuyển ấp, đổi vai trò, gỡ "
        "liên kết một ứng dụng)."
    ),
    "help_signout": (
        "🚪 /dangxuat – đăng xuất ứng dụng đang dùng, khi anh/chị đã liên kết bot trên hai "
        "ứng dụng (ví dụ mất điện thoại có Zalo)."
    ),
    "staff_not_allowed": (
        "Danh sách nhân sự chỉ dành cho Phòng VH-XH và người quản trị. Anh/chị cần gì về tài "
        "khoản của mình, xin gõ /taikhoan."
    ),
    "staff_account_off": (
        "Tài khoản của anh/chị đã bị tạm ngừng sử dụng bot. Nếu cần dùng lại, xin liên hệ "
        "Phòng VH-XH hoặc người quản trị để được cấp mã mời mới."
    ),
    "staff_title": "👥 Người dùng bot: {count} người ({active} đang hoạt động)",
    "staff_group_hamlet": "🏘 {hamlet} ({code}) – {count} người",
    "staff_group_office": "🏛 Phòng VH-XH / không thuộc ấp – {count} người",
    "staff_line": "• {name} – {who} · {apps} · {seen} · {entries} lượt ghi tháng {month}",
    "staff_apps_none": "chưa liên kết ứng dụng nào",
    "staff_seen": "hoạt động {when}",
    "staff_seen_never": "chưa nhắn tin từ khi đăng ký ngày {day}",
    "staff_app_never": "chưa nhắn tin từ khi liên kết ngày {day}",
    "staff_off_mark": "⛔ tạm ngừng từ {day}",
    "staff_off_mark_plain": "⛔ đã ngừng hoạt động",
    "staff_scope_all": " – tất cả các xã",
    "staff_scope_unit": " – {unit}",
    "staff_nobody": "Chưa có ai trong phạm vi của anh/chị.",
    "staff_empty_hamlets": "Ấp chưa có ai dùng bot: {hamlets}",
    "staff_invites_title": "✉️ Lời mời chưa dùng ({count}):",
    "staff_invite_line": "• {label} – hết hạn {expires}",
    "staff_invite_noname": "chưa ghi tên",
    "staff_pick": "Chọn một người để xem chi tiết (hoặc gõ tên):",
    "staff_pick_typed": "Xem chi tiết một người: gõ /nhansu <tên>, ví dụ /nhansu Nguyễn Văn An.",
    "staff_pick_match": "Có {count} người khớp «{query}». Chọn một người:",
    "staff_none_found": "Không thấy ai tên «{query}» trong phạm vi của anh/chị.",
    "staff_many_found": "Có {count} người khớp «{query}»; xin gõ đầy đủ họ tên hơn.",
    "opt_staff_resend": "🔁 Gửi lại: {label}",
    "opt_staff_revoke": "✖️ Hủy: {label}",
    "staff_invite_gone": "Lời mời này đã được dùng, đã hết hạn hoặc đã bị hủy.",
    "staff_invite_revoked": "Đã hủy lời mời cho {label}. Mã cũ không dùng được nữa.",
    "staff_invite_resent": (
        "Đã hủy mã cũ và tạo mã mới cho {label}, dùng được đến {expires}.{link}\n"
        "Gửi nguyên dòng dưới đây cho người được mời:"
    ),
    "staff_card": (
        "👤 {name} (#{id})\n"
        "Vai trò: {who}\n"
        "Ứng dụng: {apps}\n"
        "Đã ghi: {entries_month} lượt trong tháng {month}, {entries_total} lượt từ đầu phong "
        "trào\n"
        "Dùng bot từ {joined}"
    ),
    "staff_app": "{channel} ({seen})",
    "staff_card_off": (
        "⛔ Đã tạm ngừng quyền dùng bot từ {when}. Lý do: {reason}\n"
        "Để mở lại: tạo mã mời mới (/moi) và gửi cho người này; các hộ đã ghi vẫn là của họ."
    ),
    "opt_staff_off": "⛔ Tạm ngừng quyền dùng",
    "opt_staff_move": "🏘 Chuyển ấp",
    "opt_staff_role": "🎭 Đổi vai trò",
    "opt_staff_unlink": "🔗 Gỡ liên kết {channel}",
    "opt_staff_close": "Đóng",
    "staff_closed": "Đã đóng thẻ.",
    "staff_cancelled": "Đã hủy, chưa thay đổi gì.",
    "staff_stale": (
        "Thông tin đã thay đổi (người này đã bị tạm ngừng, được chuyển hoặc không còn trong "
        "phạm vi của anh/chị), nên chưa thay đổi gì. Gõ /nhansu để xem lại."
    ),
    "staff_ask_reason": (
        "Lý do tạm ngừng quyền dùng bot của {name}? Gõ ít nhất {min} ký tự, ví dụ: mất điện "
        "thoại, thôi làm cán bộ ấp."
    ),
    "staff_confirm_off": (
        "Tạm ngừng quyền dùng bot của {name} ({who})?\n"
        "Lý do: {reason}\n"
        "Từ tin nhắn kế tiếp, người này bị từ chối trên mọi ứng dụng đã liên kết và không xem "
        "được dữ liệu nào. Các hộ họ đã ghi vẫn giữ nguyên và vẫn được tính cho ấp."
    ),
    "opt_staff_confirm_off": "⛔ Tạm ngừng",
    "opt_staff_yes": "✅ Đồng ý",
    "staff_confirm_again": "Xin chọn «{yes}» hoặc «{cancel}».",
    "staff_confirm_again_dated": (
        "Xin chọn «{yes}» hoặc «{cancel}». Nếu thay đổi đã bắt đầu từ một ngày trước hôm "
        "nay, gõ ngày đó (dd/mm/yyyy)."
    ),
    "staff_confirm_no_date": (
        "Việc này có hiệu lực ngay khi anh/chị xác nhận, không cần ngày. Xin chọn «{yes}» hoặc Hủy."
    ),
    "staff_effective_invalid": (
        "«{text}» không phải là ngày hợp lệ. Gõ ngày hiệu lực dạng dd/mm/yyyy, ví dụ {today}."
    ),
    "staff_effective_future": (
        "Ngày hiệu lực không được sau hôm nay ({today}): thay đổi có hiệu lực ngay khi anh/chị "
        "xác nhận. Muốn thay đổi từ ngày {day}, xin đợi đến ngày đó rồi làm."
    ),
    "staff_effective_early": (
        "Ngày hiệu lực {day} trước khi phong trào bắt đầu ({start}). Xin gõ ngày từ {start} trở đi."
    ),
    "staff_released": (
        "Đã trả lại {cards} phiếu gọi kiểm tra, vô hiệu {links} liên kết tải tệp và đóng "
        "{dialogs} cuộc trò chuyện đang dở của người này (theo vai trò, ấp cũ)."
    ),
    "staff_hamlet_unknown": (
        "Không có ấp «{text}» trong phong trào. Xin chọn một ấp bên dưới (hoặc gõ mã ấp, tên ấp)."
    ),
    "staff_hamlet_many": "Có nhiều ấp tên «{text}» ({codes}). Xin chọn bên dưới hoặc gõ mã ấp.",
    "staff_hamlet_same": "{name} đang ở {hamlet} rồi. Xin chọn ấp khác.",
    "staff_unlink_confirm": (
        "Gỡ liên kết {channel} (liên kết ngày {day}) khỏi tài khoản của {name}?\n"
        "Từ tin nhắn kế tiếp, tài khoản {channel} đó không dùng bot được nữa. Các hộ đã ghi, "
        "vai trò và ấp của người này giữ nguyên. Sau đó có thể liên kết tài khoản {channel} "
        "mới: gõ /lienket {name} để lấy mã cho người này."
    ),
    "staff_unlink_last": (
        "⚠️ Đây là ứng dụng duy nhất của {name}: sau khi gỡ, người này chỉ dùng lại bot được "
        "bằng mã liên kết mới (/lienket {name})."
    ),
    "opt_staff_unlink_yes": "🔗 Gỡ liên kết",
    "staff_unlink_done": (
        "Đã gỡ liên kết {channel} khỏi tài khoản của {name}. Để liên kết tài khoản mới, gõ "
        "/lienket {name} rồi gửi mã cho người này."
    ),
    "staff_off_done": (
        "Đã tạm ngừng quyền dùng bot của {name}. Đã đóng {dialogs} cuộc trò chuyện đang dở, "
        "vô hiệu {links} liên kết tải tệp, trả lại {cards} phiếu gọi kiểm tra. Các hộ đã ghi "
        "vẫn giữ nguyên."
    ),
    "staff_ask_hamlet": "Chuyển {name} sang ấp nào?",
    "staff_ask_role": "Vai trò mới của {name} (hiện là {who})?",
    "staff_ask_role_hamlet": "{name} làm {role} ở ấp nào?",
    "staff_ask_unit": "{name} giám sát xã nào?",
    "opt_staff_all_units": "Tất cả các xã",
    "staff_confirm_move": (
        "Chuyển {name} từ {old} sang {new}, có hiệu lực từ {day}?\n"
        "Các hộ đã ghi vẫn thuộc ấp đã ghi; số liệu của riêng người này vẫn đi theo họ. Thay "
        "đổi áp dụng ngay khi xác nhận.\n"
        "Nếu việc chuyển đã bắt đầu từ một ngày trước hôm nay, gõ ngày đó (dd/mm/yyyy)."
    ),
    "staff_confirm_role": (
        "Đổi vai trò của {name}: {old} → {new}, có hiệu lực từ {day}?\n"
        "Thay đổi áp dụng ngay khi xác nhận. Nếu vai trò mới đã bắt đầu từ một ngày trước hôm "
        "nay, gõ ngày đó (dd/mm/yyyy)."
    ),
    "staff_move_done": (
        "Đã chuyển {name} sang {new} (hiệu lực từ {day}). Các hộ đã ghi vẫn thuộc ấp cũ."
    ),
    "staff_role_done": (
        "Đã đổi vai trò của {name}: {new} (hiệu lực từ {day}). Danh sách lệnh của người này "
        "đổi theo vai trò mới."
    ),
    "staff_error_self": "Anh/chị không thể tự tạm ngừng hoặc tự đổi vai trò của chính mình.",
    "staff_error_reason_short": "Lý do quá ngắn: cần ít nhất {min} ký tự.",
    "staff_error_already_off": "{name} đã bị tạm ngừng từ trước.",
    "staff_error_inactive": "{name} đang bị tạm ngừng: mở lại bằng mã mời mới trước đã.",
    "staff_error_no_hamlet_role": "Vai trò của {name} không gắn với ấp nào, nên không chuyển ấp.",
    "staff_error_hamlet_closed": "Ấp này không còn trong phong trào.",
    "staff_error_same_hamlet": "{name} đã ở ấp này rồi.",
    "staff_error_hamlet_needed": "Cán bộ ấp và trưởng ấp cần một ấp.",
    "staff_error_unchanged": "Vai trò và phạm vi của {name} vẫn như cũ, không có gì thay đổi.",
    "staff_error_not_yours": "Tài khoản này không phải của anh/chị.",
    "staff_error_last_app": "Đây là ứng dụng duy nhất của tài khoản.",
    "staff_error_not_allowed": "Danh sách nhân sự chỉ dành cho Phòng VH-XH và người quản trị.",
    "staff_error_effective_future": "Ngày hiệu lực không được sau hôm nay.",
    "staff_error_effective_early": "Ngày hiệu lực không được trước khi phong trào bắt đầu.",
    "staff_error_app_gone": "Ứng dụng này không còn liên kết với tài khoản của {name}.",
    "staff_signout_unknown": "Không tìm thấy tài khoản ứng dụng này.",
    "staff_signout_last": (
        "Anh/chị chỉ dùng bot trên {channel}, nên không đăng xuất được: nếu đăng xuất, anh/chị "
        "sẽ phải xin mã mời khác để dùng lại. Nếu không dùng bot nữa hoặc mất điện thoại, xin "
        "báo người quản trị."
    ),
    "staff_signout_ask": (
        "Đăng xuất {channel} khỏi tài khoản của anh/chị?\n"
        "Sau đó bot không nhận ra tài khoản {channel} này nữa; anh/chị vẫn dùng bot trên "
        "{others}. Muốn dùng lại trên {channel}: gõ /lienket ở {others} để lấy mã."
    ),
    "opt_staff_signout": "🚪 Đăng xuất",
    "staff_signout_kept": "Đã hủy, {channel} vẫn liên kết như cũ.",
    "staff_signout_done": "Đã đăng xuất {channel}. Anh/chị vẫn dùng bot trên {others}.",
    # python -m bot users
    "cli_users_unknown": "Không thấy ai khớp «{query}».",
    "cli_users_ambiguous": "Có {count} người khớp «{query}»; dùng số #id:",
    "cli_users_match": "  #{id} {name} – {who}",
    "cli_users_reason_short": "--reason cần ít nhất {min} ký tự.",
    "cli_users_unit_unknown": "Không có xã «{unit}». Các xã: {units}",
    "cli_users_role_bad": "--role cần officer, hamlet_head, supervisor hoặc admin.",
}

EN: dict[str, str] = {
    "cmd_people": "Staff: who uses the bot, deactivate, move",
    "help_people": (
        "👥 /people – everyone using the bot by hamlet: role, linked apps, last activity, "
        "entries this month, invites not yet used. /people <name> – one person's card (admins: "
        "take access away, move to another hamlet, change the role, unlink one app)."
    ),
    "help_signout": (
        "🚪 /signout – sign out the app you are writing from, when your account is linked on "
        "two apps (e.g. the phone with Zalo was lost)."
    ),
    "staff_not_allowed": (
        "The staff list is for the culture & society office and admins only. For your own "
        "account, type /accounts."
    ),
    "staff_account_off": (
        "Your account has been suspended from using the bot. If you need it again, please "
        "contact the culture & society office or the admin for a new invite code."
    ),
    "staff_title": "👥 Bot users: {count} people ({active} active)",
    "staff_group_hamlet": "🏘 {hamlet} ({code}) – {count} people",
    "staff_group_office": "🏛 Culture & society office / no hamlet – {count} people",
    "staff_line": "• {name} – {who} · {apps} · {seen} · {entries} entries in {month}",
    "staff_apps_none": "no app linked",
    "staff_seen": "active {when}",
    "staff_seen_never": "no message since registering on {day}",
    "staff_app_never": "no message since linking on {day}",
    "staff_off_mark": "⛔ suspended since {day}",
    "staff_off_mark_plain": "⛔ inactive",
    "staff_scope_all": " – every commune",
    "staff_scope_unit": " – {unit}",
    "staff_nobody": "Nobody in your scope yet.",
    "staff_empty_hamlets": "Hamlets with nobody on the bot: {hamlets}",
    "staff_invites_title": "✉️ Invites not used yet ({count}):",
    "staff_invite_line": "• {label} – expires {expires}",
    "staff_invite_noname": "no name",
    "staff_pick": "Pick a person to see their card (or type a name):",
    "staff_pick_typed": "To see one person: type /people <name>, e.g. /people Nguyen Van An.",
    "staff_pick_match": "{count} people match “{query}”. Pick one:",
    "staff_none_found": "Nobody named “{query}” in your scope.",
    "staff_many_found": "{count} people match “{query}”; please type more of the name.",
    "opt_staff_resend": "🔁 Resend: {label}",
    "opt_staff_revoke": "✖️ Cancel: {label}",
    "staff_invite_gone": "This invite was used, has expired or was cancelled.",
    "staff_invite_revoked": "Invite for {label} cancelled. The old code no longer works.",
    "staff_invite_resent": (
        "Old code cancelled; a new code for {label}, valid until {expires}.{link}\n"
        "Send the whole line below to the invited person:"
    ),
    "staff_card": (
        "👤 {name} (#{id})\n"
        "Role: {who}\n"
        "Apps: {apps}\n"
        "Logged: {entries_month} entries in {month}, {entries_total} since the campaign "
        "began\n"
        "Using the bot since {joined}"
    ),
    "staff_app": "{channel} ({seen})",
    "staff_card_off": (
        "⛔ Access suspended since {when}. Reason: {reason}\n"
        "To restore: create a new invite (/invite) and send it to them; their entries stay "
        "theirs."
    ),
    "opt_staff_off": "⛔ Take access away",
    "opt_staff_move": "🏘 Move to a hamlet",
    "opt_staff_role": "🎭 Change role",
    "opt_staff_unlink": "🔗 Unlink {channel}",
    "opt_staff_close": "Close",
    "staff_closed": "Card closed.",
    "staff_cancelled": "Cancelled, nothing changed.",
    "staff_stale": (
        "Things changed meanwhile (the person was suspended, moved or is no longer in your "
        "scope), so nothing was changed. Type /people to look again."
    ),
    "staff_ask_reason": (
        "Why is {name}'s access taken away? At least {min} characters, e.g. lost phone, no "
        "longer a hamlet officer."
    ),
    "staff_confirm_off": (
        "Take {name}'s access away ({who})?\n"
        "Reason: {reason}\n"
        "From their next message they are refused on every linked app and see no data. The "
        "households they logged stay and still count for the hamlet."
    ),
    "opt_staff_confirm_off": "⛔ Take access away",
    "opt_staff_yes": "✅ Confirm",
    "staff_confirm_again": "Please choose «{yes}» or «{cancel}».",
    "staff_confirm_again_dated": (
        "Please choose «{yes}» or «{cancel}». If the change began on an earlier day, type "
        "that date (dd/mm/yyyy)."
    ),
    "staff_confirm_no_date": (
        "This takes effect as soon as you confirm; no date is needed. Please choose «{yes}» "
        "or Cancel."
    ),
    "staff_effective_invalid": (
        "«{text}» is not a valid date. Type the effective date as dd/mm/yyyy, e.g. {today}."
    ),
    "staff_effective_future": (
        "The effective date cannot be after today ({today}): the change takes effect as soon "
        "as you confirm. To make it from {day}, please wait until that day."
    ),
    "staff_effective_early": (
        "The effective date {day} is before the campaign began ({start}). Please type a day "
        "from {start} on."
    ),
    "staff_released": (
        "Released {cards} call card(s), disabled {links} download link(s) and closed "
        "{dialogs} open conversation(s) of this person (for the old role or hamlet)."
    ),
    "staff_hamlet_unknown": (
        "There is no hamlet «{text}» in the campaign. Please choose one below (or type a "
        "hamlet's code or name)."
    ),
    "staff_hamlet_many": "Several hamlets are named «{text}» ({codes}). Choose below or type "
    "the code.",
    "staff_hamlet_same": "{name} is already in {hamlet}. Please choose another hamlet.",
    "staff_unlink_confirm": (
        "Unlink {channel} (linked on {day}) from {name}'s account?\n"
        "From its next message that {channel} account can no longer use the bot. Their "
        "entries, role and hamlet stay. A new {channel} account can be linked afterwards: "
        "type /link {name} to get a code for them."
    ),
    "staff_unlink_last": (
        "⚠️ This is {name}'s only app: after unlinking, they can only come back with a new "
        "link code (/link {name})."
    ),
    "opt_staff_unlink_yes": "🔗 Unlink",
    "staff_unlink_done": (
        "{channel} was unlinked from {name}'s account. To link a new account, type "
        "/link {name} and send them the code."
    ),
    "staff_off_done": (
        "{name}'s access was taken away. Closed {dialogs} open conversation(s), disabled "
        "{links} download link(s), released {cards} call card(s). Their entries stay."
    ),
    "staff_ask_hamlet": "Move {name} to which hamlet?",
    "staff_ask_role": "New role for {name} (now {who})?",
    "staff_ask_role_hamlet": "{name} is {role} of which hamlet?",
    "staff_ask_unit": "Which commune does {name} supervise?",
    "opt_staff_all_units": "Every commune",
    "staff_confirm_move": (
        "Move {name} from {old} to {new}, effective {day}?\n"
        "Households already logged stay with the hamlet they were logged for; the person's own "
        "figures follow them. The change applies as soon as you confirm.\n"
        "If the move began on an earlier day, type that date (dd/mm/yyyy)."
    ),
    "staff_confirm_role": (
        "Change {name}'s role: {old} → {new}, effective {day}?\n"
        "The change applies as soon as you confirm. If the new role began on an earlier day, "
        "type that date (dd/mm/yyyy)."
    ),
    "staff_move_done": (
        "{name} moved to {new} (effective {day}). Households already logged stay with the old "
        "hamlet."
    ),
    "staff_role_done": (
        "{name}'s role is now {new} (effective {day}). Their command menu follows the new role."
    ),
    "staff_error_self": "You cannot suspend yourself or change your own role.",
    "staff_error_reason_short": "The reason is too short: at least {min} characters.",
    "staff_error_already_off": "{name} is already suspended.",
    "staff_error_inactive": "{name} is suspended: restore them with a new invite first.",
    "staff_error_no_hamlet_role": "{name}'s role has no hamlet, so there is nothing to move.",
    "staff_error_hamlet_closed": "This hamlet is no longer in the campaign.",
    "staff_error_same_hamlet": "{name} is already in this hamlet.",
    "staff_error_hamlet_needed": "Hamlet officers and heads need a hamlet.",
    "staff_error_unchanged": "{name}'s role and scope are unchanged.",
    "staff_error_not_yours": "This account is not yours.",
    "staff_error_last_app": "This is the account's only app.",
    "staff_error_not_allowed": "The staff list is for the office and admins only.",
    "staff_error_effective_future": "The effective date cannot be after today.",
    "staff_error_effective_early": "The effective date cannot be before the campaign began.",
    "staff_error_app_gone": "This app is no longer linked to {name}'s account.",
    "staff_signout_unknown": "This app account was not found.",
    "staff_signout_last": (
        "You use the bot only on {channel}, so it cannot be signed out: you would need "
        "another invite to come back. If you stop using the bot or lost your phone, please "
        "tell the admin."
    ),
    "staff_signout_ask": (
        "Sign {channel} out of your account?\n"
        "The bot will no longer know this {channel} account; you keep using it on {others}. "
        "To use {channel} again: type /link on {others} to get a code."
    ),
    "opt_staff_signout": "🚪 Sign out",
    "staff_signout_kept": "Cancelled; {channel} stays linked.",
    "staff_signout_done": "{channel} signed out. You keep using the bot on {others}.",
    "cli_users_unknown": "Nobody matches “{query}”.",
    "cli_users_ambiguous": "{count} people match “{query}”; use the #id:",
    "cli_users_match": "  #{id} {name} – {who}",
    "cli_users_reason_short": "--reason needs at least {min} characters.",
    "cli_users_unit_unknown": "No commune “{unit}”. Communes: {units}",
    "cli_users_role_bad": "--role must be officer, hamlet_head, supervisor or admin.",
}
