"""Messages for the life of award proposals: the list, final or draft, marking final."""

from __future__ import annotations

VI: dict[str, str] = {
    "proposals_title": "📋 Các đề xuất khen thưởng (mới nhất trước):",
    "proposals_empty": "Chưa có đề xuất khen thưởng nào. Gõ /khenthuong để lập.",
    "proposals_line": "#{id} · {review}\n   Lập lúc {at} · {by} · đề xuất {collective} tập thể, "
    "{special} giải đặc biệt, {individual} cá nhân\n   {state}",
    "proposals_state_final": "✅ Chính thức – chốt lúc {at} ({by})",
    "proposals_state_draft": "📝 Dự thảo",
    "proposals_ask": "Chốt đề xuất nào là bản chính thức (bản hội đồng thi đua đã quyết)?",
    "proposals_btn_final": "✅ Chốt #{id} · {review}",
    "proposals_btn_close": "Đóng",
    "proposals_closed": "Đã đóng danh sách đề xuất.",
    "proposals_usage": "Gõ /khenthuong_chot SỐ_ĐỀ_XUẤT, ví dụ /khenthuong_chot 12 (xem số ở "
    "/khenthuong_ds).",
    "proposals_not_found": "Không có đề xuất #{id}. Gõ /khenthuong_ds để xem danh sách.",
    "proposals_already_final": "Đề xuất #{id} đã là bản chính thức (chốt lúc {at}).",
    "proposals_replace_ask": "Đợt xét «{review}» đã có bản chính thức #{old} (chốt lúc {at}, "
    "{by}). Thay bằng #{id}? Bản #{old} sẽ trở về dự thảo; việc thay "
    "được lưu vết.",
    "proposals_btn_replace": "Thay bằng #{id}",
    "proposals_btn_keep": "Giữ #{old}",
    "proposals_kept": "Giữ nguyên bản chính thức #{old}.",
    "proposals_marked": "✅ Đã chốt đề xuất #{id} – {review} – là bản chính thức. Hồ sơ và văn "
    "bản lập từ đề xuất này không còn dấu «DỰ THẢO».",
    "proposals_marked_replaced": "Bản #{old} trở về dự thảo.",
    "proposals_new_draft": "📝 Đề xuất #{id} là bản dự thảo. Khi hội đồng thi đua đã quyết, "
    "chốt bằng /khenthuong_chot {id}.",
    "proposals_new_beside_final": "ℹ️ Đợt xét này đã có bản chính thức #{old} (chốt lúc {at}). "
    "Đề xuất #{id} vừa lập là bản dự thảo, bản chính thức không "
    "đổi. Xem /khenthuong_ds để so sánh hoặc chốt lại.",
}

EN: dict[str, str] = {
    "proposals_title": "📋 Award proposals (newest first):",
    "proposals_empty": "No award proposal yet. Type /awards to make one.",
    "proposals_line": "#{id} · {review}\n   Made {at} · {by} · proposes {collective} "
    "collective(s), {special} special prize(s), {individual} individual(s)"
    "\n   {state}",
    "proposals_state_final": "✅ Final – marked {at} ({by})",
    "proposals_state_draft": "📝 Draft",
    "proposals_ask": "Which proposal is the final one (the one the emulation council decided)?",
    "proposals_btn_final": "✅ Mark #{id} final · {review}",
    "proposals_btn_close": "Close",
    "proposals_closed": "Closed the list of proposals.",
    "proposals_usage": "Type /awards_final NUMBER, e.g. /awards_final 12 (numbers in "
    "/awards_list).",
    "proposals_not_found": "There is no proposal #{id}. Type /awards_list to see them.",
    "proposals_already_final": "Proposal #{id} is already the final one (marked {at}).",
    "proposals_replace_ask": "The review «{review}» already has final proposal #{old} (marked "
    "{at}, {by}). Replace it with #{id}? #{old} goes back to draft; "
    "the change is audited.",
    "proposals_btn_replace": "Replace with #{id}",
    "proposals_btn_keep": "Keep #{old}",
    "proposals_kept": "Kept #{old} as the final proposal.",
    "proposals_marked": "✅ Proposal #{id} – {review} – is now final. Dossiers and papers made "
    "from it no longer carry the «DRAFT» mark.",
    "proposals_marked_replaced": "#{old} is a draft again.",
    "proposals_new_draft": "📝 Proposal #{id} is a draft. When the emulation council has "
    "decided, mark it final with /awards_final {id}.",
    "proposals_new_beside_final": "ℹ️ This review already has final proposal #{old} (marked "
    "{at}). Proposal #{id} just made is a draft; the final one "
    "is unchanged. See /awards_list to compare or re-mark.",
}
