"""The pace a hamlet needs to reach the coverage target by the campaign's end: /tiendo, the
all-hamlets /tiendo and the 17:00 reminder (issue 21, item 5)."""

from __future__ import annotations

VI: dict[str, str] = {
    "pace_behind": "• ⚠️ Cần trung bình {per_day} hộ/ngày ({per_week} hộ/tuần) để đạt "
    "{threshold} trước {end} (còn {remaining} hộ); nhịp hiện nay {current} hộ/ngày.",
    "pace_start": "• Cần trung bình {per_day} hộ/ngày ({per_week} hộ/tuần) để đạt "
    "{threshold} trước {end} (còn {remaining} hộ).",
    "pace_on_track": "• Với nhịp hiện nay ({current} hộ/ngày) ấp sẽ đạt {threshold} trước "
    "{end} – còn {remaining} hộ, giữ nhịp nhé.",
    "pace_reached": "• Ấp đã đạt {threshold} ✅ – hướng dẫn thêm các hộ còn lại càng tốt.",
    "pace_ended": "• Phong trào đã kết thúc ngày {end}; ấp chưa đạt {threshold} "
    "(còn thiếu {remaining} hộ).",
    "pace_under_tenth": "dưới 0,1",
    "pace_short_behind": " · cần {per_day} hộ/ngày",
    "pace_short_on_track": " · đủ nhịp",
    "pace_short_ended": " · chưa đạt",
    "reminder_suggestion": "Gợi ý hôm nay: {name} – {address} (gõ /chuahuongdan)",
}

EN: dict[str, str] = {
    "pace_behind": "• ⚠️ An average of {per_day} households a day ({per_week} a week) is "
    "needed to reach {threshold} by {end} ({remaining} to go); the pace so far is {current} "
    "a day.",
    "pace_start": "• An average of {per_day} households a day ({per_week} a week) is needed "
    "to reach {threshold} by {end} ({remaining} to go).",
    "pace_on_track": "• At the pace so far ({current} households a day) the hamlet reaches "
    "{threshold} before {end} – {remaining} to go, keep it up.",
    "pace_reached": "• The hamlet has reached {threshold} ✅ – every further household helps.",
    "pace_ended": "• The campaign ended on {end}; the hamlet did not reach {threshold} "
    "({remaining} households short).",
    "pace_under_tenth": "under 0.1",
    "pace_short_behind": " · needs {per_day} a day",
    "pace_short_on_track": " · on pace",
    "pace_short_ended": " · not reached",
    "reminder_suggestion": "Today's suggestion: {name} – {address} (type /chuahuongdan)",
}
