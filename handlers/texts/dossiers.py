"""Messages for dossiers (Vietnamese first, then English); merged into the catalog by
handlers/texts/__init__.py. Keys are unique across every part.

The documents (doc_*) follow Nghị định 30/2020/NĐ-CP: mid-sentence, only proper names take
capitals ("Ban nhân dân ấp Bãi Nhà A", "Ủy ban nhân dân đặc khu Kiên Hải"); list marks
("- ", "+ ") are added by the layout, not written here."""

from __future__ import annotations

VI: dict[str, str] = {
    # --- the award dossier documents (handlers/render/award_docs.py) --------------------------
    "doc_draft_mark": "DỰ THẢO",
    "doc_parent_unit": "Ủy ban nhân dân\n{unit}",
    "doc_unit_blank": "……………",
    "doc_issuer": "Ban nhân dân {hamlet}",
    "doc_number_submission": "Số: ……/TTr-……",
    "doc_number_minutes": "Số: ……/BB-……",
    "doc_nation": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "doc_motto": "Độc lập - Tự do - Hạnh phúc",
    "doc_place_date": "{place}, ngày …… tháng …… năm {year}",
    "doc_review_year": "tổng kết năm {year}",
    "doc_review_half": "sơ kết 6 tháng đầu năm {year}",
    "doc_review_half_dates": "sơ kết 6 tháng, từ ngày {start} đến ngày {end}",
    "doc_review_dates": "kỳ đánh giá từ ngày {start} đến ngày {end}",
    "doc_submission_title": "TỜ TRÌNH",
    "doc_submission_subject": "Về việc đề nghị khen thưởng {what} trong phong trào thi đua "
    "“{campaign}”, {review}",
    "doc_minutes_title": "BIÊN BẢN",
    "doc_minutes_subject": "Họp xét đề nghị khen thưởng {what} trong phong trào thi đua "
    "“{campaign}”, {review}",
    "doc_subject_generic": "Về việc đề nghị khen thưởng trong phong trào thi đua “{campaign}”, "
    "{review}",
    "doc_minutes_subject_generic": "Họp xét đề nghị khen thưởng trong phong trào thi đua "
    "“{campaign}”, {review}",
    "doc_what_collective": "tập thể",
    "doc_what_individual": "cá nhân",
    "doc_what_special": "giải đặc biệt",
    "doc_and": " và ",
    "doc_recipient_label": "Kính gửi:",
    "doc_recipient": "Ủy ban nhân dân {unit} (qua Phòng Văn hóa - Xã hội).",
    "doc_basis_plan": "Căn cứ Kế hoạch số ……/KH-UBND ngày …… tháng …… năm {year} của Ủy ban "
    "nhân dân {unit} về việc phát động phong trào thi đua thực hiện mô hình "
    "“{campaign}” năm {year};",
    "doc_basis_meeting": "Căn cứ Biên bản họp xét đề nghị khen thưởng ngày …… tháng …… năm "
    "{year} của Ban nhân dân {hamlet},",
    "doc_submission_intro": "Ban nhân dân {hamlet} báo cáo kết quả thực hiện mô hình và kính "
    "đề nghị Ủy ban nhân dân {unit} xem xét khen thưởng như sau:",
    "doc_section_results": "KẾT QUẢ THỰC HIỆN",
    "doc_section_proposal": "NỘI DUNG ĐỀ NGHỊ KHEN THƯỞNG",
    "doc_attachments": "Hồ sơ kèm theo: Biên bản họp xét đề nghị khen thưởng; danh sách minh "
    "chứng các hộ đã được hướng dẫn (tệp {file}).",
    "doc_period": "Thời gian đánh giá: từ ngày {start} đến ngày {end}.",
    "doc_figures_head": "Số liệu minh chứng",
    "doc_col_no": "STT",
    "doc_col_item": "Nội dung",
    "doc_col_value": "Số liệu",
    "doc_fig_total_roster": "Tổng số hộ của ấp theo danh sách hộ đã nhập vào hệ thống",
    "doc_fig_total_configured": "Tổng số hộ của ấp theo số hộ đã khai báo",
    "doc_fig_total": "Tổng số hộ của ấp",
    "doc_fig_total_roster_configured": "{n} theo danh sách hộ (số hộ đã khai báo {configured})",
    "doc_fig_guided": "Số hộ đã được hướng dẫn thực hiện dịch vụ công trực tuyến",
    "doc_fig_coverage": "Tỷ lệ hộ đã được hướng dẫn trên tổng số hộ",
    "doc_fig_threshold": "Tỷ lệ tối thiểu để xét khen thưởng tập thể",
    "doc_fig_required": "Số thủ tục yêu cầu mỗi hộ theo điều kiện giải đặc biệt",
    "doc_fig_special": "Số hộ được hướng dẫn đủ {n} thủ tục trở lên",
    "doc_fig_entries": "Số lượt hướng dẫn đã ghi nhận",
    "doc_fig_days": "Số ngày có hướng dẫn / số ngày của kỳ đánh giá",
    "doc_fig_called": "Số hộ đã được gọi điện kiểm tra ngẫu nhiên",
    "doc_fig_confirmed": "– Xác nhận đúng",
    "doc_fig_failed": "– Không đạt (chưa giải quyết)",
    "doc_fig_overturned": "– Không đạt nhưng đã được xem xét, hủy kết quả",
    "doc_fig_unreachable": "– Không liên lạc được",
    "doc_fig_wrong_number": "– Sai số điện thoại (không tính là không đạt)",
    "doc_fig_wrong_number_failed": "– Sai số điện thoại (tính là không đạt, chưa giải quyết)",
    "doc_source": "Số liệu trích từ hệ thống quản lý ngày {day} lúc {time} (bản đề xuất số "
    "{id}, {status}).",
    "doc_status_final": "bản chính thức",
    "doc_status_draft": "bản dự thảo",
    "doc_achievements_head": "Tóm tắt thành tích",
    "doc_summary_coverage": "Từ ngày {start} đến ngày {end}, Ban nhân dân {hamlet} đã hướng dẫn "
    "{guided}/{total} hộ gia đình thực hiện dịch vụ công trực tuyến, "
    "đạt {coverage} tổng số hộ của ấp.",
    "doc_summary_met": "Tỷ lệ này đạt tiêu chuẩn xét khen thưởng tập thể, từ {threshold} trở lên.",
    "doc_summary_pace": "{hamlet} đã ghi nhận {entries} lượt hướng dẫn, có hướng dẫn trong "
    "{active}/{period} ngày của kỳ đánh giá.",
    "doc_summary_special": "Có {special} hộ được hướng dẫn đủ {n} thủ tục trở lên theo điều kiện "
    "giải đặc biệt, chiếm {pct} tổng số hộ.",
    "doc_summary_individuals": "{n} cá nhân được đề nghị khen thưởng đã trực tiếp hướng dẫn "
    "{households} hộ.",
    "doc_summary_checks": "Qua kiểm tra ngẫu nhiên bằng điện thoại, {confirmed}/{called} hộ xác "
    "nhận đã được hướng dẫn đúng như ghi nhận",
    "doc_summary_no_failed": "không còn trường hợp không đạt",
    "doc_summary_failed": "còn {n} trường hợp không đạt chưa được giải quyết",
    "doc_summary_overturned": "{n} trường hợp không đạt đã được xem xét, hủy kết quả",
    "doc_summary_unreachable": "{n} hộ không liên lạc được",
    "doc_summary_wrong_number": "{n} hộ sai số điện thoại (không tính là không đạt)",
    "doc_summary_wrong_number_failed": "trong đó {n} hộ sai số điện thoại",
    "doc_summary_no_checks": "Trong kỳ chưa có hộ nào được gọi điện kiểm tra.",
    "doc_procedures_head": "Các thủ tục được hướng dẫn nhiều nhất",
    "doc_procedure_line": "{name}: {n} hộ",
    "doc_procedures_none": "Chưa có số liệu.",
    "doc_kind_collective": "Khen thưởng tập thể",
    "doc_kind_special": "Giải đặc biệt",
    "doc_kind_individual": "Khen thưởng cá nhân",
    "doc_proposal_collective": "Đề nghị Chủ tịch Ủy ban nhân dân {unit} tặng Giấy khen cho tập "
    "thể Ban nhân dân {hamlet}: đã hướng dẫn {guided}/{total} hộ gia "
    "đình thực hiện dịch vụ công trực tuyến, đạt {coverage}, đạt tiêu "
    "chuẩn từ {threshold} trở lên.",
    "doc_proposal_special": "Đề nghị Ủy ban nhân dân {unit} xét trao giải đặc biệt cho {hamlet}: "
    "{special}/{total} hộ đã được hướng dẫn đủ {n} thủ tục dịch vụ công "
    "trực tuyến trở lên theo điều kiện giải đặc biệt.",
    "doc_proposal_individuals": "Đề nghị Chủ tịch Ủy ban nhân dân {unit} tặng Giấy khen cho {n} "
    "cá nhân có thành tích trong hướng dẫn người dân thực hiện dịch "
    "vụ công trực tuyến:",
    "doc_col_name": "Họ và tên",
    "doc_col_households": "Số hộ hướng dẫn",
    "doc_col_days": "Số ngày hướng dẫn",
    "doc_col_called": "Số hộ được gọi",
    "doc_col_confirmed": "Xác nhận đúng",
    "doc_col_failed": "Không đạt",
    "doc_officer_line": "Ông/Bà {name}: đã hướng dẫn {households} hộ, có hướng dẫn trong {days} "
    "ngày; {checks}.",
    "doc_officer_checks": "được gọi điện kiểm tra {called} hộ, {confirmed} hộ xác nhận đúng, "
    "{failed}",
    "doc_officer_failed": "{n} trường hợp không đạt",
    "doc_officer_none_failed": "không có trường hợp không đạt",
    "doc_officer_no_checks": "chưa có hộ nào được gọi điện kiểm tra",
    "doc_minutes_evidence": "Danh sách minh chứng kèm theo: tệp {file}.",
    "doc_submission_closing": "Ban nhân dân {hamlet} kính trình Ủy ban nhân dân {unit} xem xét, "
    "quyết định./.",
    "doc_recipients_head": "Nơi nhận:",
    "doc_recipient_above": "- Như trên;",
    "doc_recipient_archive": "- Lưu: VT.",
    "doc_sign_head_authority": "TM. BAN NHÂN DÂN ẤP",
    "doc_sign_head": "TRƯỞNG ẤP",
    "doc_sign_hint": "(Ký, ghi rõ họ tên)",
    "doc_sign_secretary": "THƯ KÝ",
    "doc_sign_chair": "CHỦ TRÌ",
    "doc_minutes_when_where": "THỜI GIAN, ĐỊA ĐIỂM",
    "doc_minutes_time": "Thời gian: …… giờ …… ngày …… tháng …… năm {year}.",
    "doc_minutes_place": "Địa điểm: ……………………………………………………",
    "doc_minutes_attendees": "THÀNH PHẦN THAM DỰ",
    "doc_minutes_chair": "Chủ trì: Ông/Bà ……………………… – Chức vụ: …………………",
    "doc_minutes_secretary": "Thư ký: Ông/Bà ……………………… – Chức vụ: …………………",
    "doc_minutes_members": "Thành viên dự họp: ……/…… người, gồm:",
    "doc_minutes_member": "Ông/Bà ……………………… – Chức vụ: …………………",
    "doc_minutes_content": "NỘI DUNG CUỘC HỌP",
    "doc_minutes_intro": "Cuộc họp nghe báo cáo kết quả thực hiện mô hình của {hamlet} và xem "
    "xét đề nghị khen thưởng như sau:",
    "doc_minutes_results_head": "Kết quả thực hiện mô hình của {hamlet}",
    "doc_proposals_head": "Đề nghị khen thưởng",
    "doc_minutes_discussion": "Ý kiến thảo luận của các thành viên",
    "doc_minutes_vote_head": "KẾT QUẢ BIỂU QUYẾT",
    "doc_minutes_vote": "Kết quả biểu quyết: ……/…… thành viên tán thành (……%), ……/…… thành viên "
    "không tán thành.",
    "doc_minutes_agreed": "Cuộc họp thống nhất để Ban nhân dân {hamlet} lập tờ trình đề nghị Ủy "
    "ban nhân dân {unit} khen thưởng các trường hợp nêu tại điểm 2 mục III.",
    "doc_minutes_closing": "Cuộc họp kết thúc lúc …… giờ …… cùng ngày; biên bản đã được thông "
    "qua trước các thành viên dự họp./.",
    # --- the dossier files in the chat (handlers/awards/proposal.py) ------------------------------
    "award_doc_submission": "📄 Tờ trình đề nghị khen thưởng – {hamlet} ({status}; điền số và "
    "ngày khi ký)",
    "award_doc_minutes": "📄 Biên bản họp xét – {hamlet} (điền ngày họp và thành phần dự họp)",
    "award_doc_evidence": "📊 Danh sách minh chứng – {hamlet} ({households} hộ)",
    "award_doc_final": "bản chính thức",
    "award_doc_draft": "bản dự thảo",
    "award_doc_open_checks": "⚠️ {hamlet} còn {n} hộ trong mẫu kiểm tra chưa được gọi điện: kết "
    "quả có thể thay đổi.",
    # For the "/" menu (handlers/engine/menu.py) and /help (handlers/accounts/help.py) of heads
    # and the office
    "cmd_dossier": "Hồ sơ khen thưởng của ấp (bản chính thức)",
    "help_dossier": "• /hoso – hồ sơ khen thưởng của ấp (Tờ trình, Biên bản họp xét, danh sách "
    "minh chứng) theo đề xuất khen thưởng chính thức của Phòng VH-XH",
    "dossier_not_allowed": "Lệnh /hoso dành cho trưởng ấp (hồ sơ khen thưởng của ấp mình) và "
    "Phòng VH-XH.",
    "dossier_no_hamlet": "Tài khoản của anh/chị chưa gắn với ấp nào nên chưa có hồ sơ khen "
    "thưởng. Anh/chị vui lòng liên hệ Phòng VH-XH.",
    "dossier_not_final": "Phòng VH-XH chưa chốt đề xuất khen thưởng chính thức nên chưa có hồ "
    "sơ khen thưởng của ấp. Khi đề xuất được chốt, anh/chị gõ lại /hoso "
    "để nhận Tờ trình, Biên bản họp xét và danh sách minh chứng.",
    "dossier_nothing": "Theo đề xuất khen thưởng chính thức ({review}), {hamlet} không có tập "
    "thể hay cá nhân nào được đề nghị khen thưởng, nên không có hồ sơ cần "
    "lập.",
    "dossier_head_ready": "Hồ sơ khen thưởng của {hamlet} theo đề xuất chính thức ({review}): "
    "Tờ trình, Biên bản họp xét và danh sách minh chứng. Anh/chị in, "
    "điền số, ngày, thành phần dự họp, ký rồi gửi Phòng VH-XH.",
    "dossier_office_ready": "Hồ sơ khen thưởng theo đề xuất chính thức #{id} ({review}).",
    "dossier_office_none": "Chưa có đề xuất khen thưởng chính thức. Gõ /khenthuong để lập đề "
    "xuất và lấy hồ sơ từng ấp (bản dự thảo).",
}

EN: dict[str, str] = {
    # --- the award dossier documents (handlers/render/award_docs.py) --------------------------
    "doc_draft_mark": "DRAFT",
    "doc_parent_unit": "People's Committee of\n{unit}",
    "doc_unit_blank": "……………",
    "doc_issuer": "Board of {hamlet}",
    "doc_number_submission": "No.: ……/TTr-……",
    "doc_number_minutes": "No.: ……/BB-……",
    "doc_nation": "SOCIALIST REPUBLIC OF VIETNAM",
    "doc_motto": "Independence - Freedom - Happiness",
    "doc_place_date": "{place}, ……/……/{year}",
    "doc_review_year": "year-end review {year}",
    "doc_review_half": "first half-year review {year}",
    "doc_review_half_dates": "half-year review, {start} to {end}",
    "doc_review_dates": "period {start} to {end}",
    "doc_submission_title": "SUBMISSION",
    "doc_submission_subject": "Proposing {what} awards in the emulation movement “{campaign}”, "
    "{review}",
    "doc_minutes_title": "MINUTES",
    "doc_minutes_subject": "Meeting to review the proposal of {what} awards in the emulation "
    "movement “{campaign}”, {review}",
    "doc_subject_generic": "Proposing awards in the emulation movement “{campaign}”, {review}",
    "doc_minutes_subject_generic": "Meeting to review award proposals in the emulation movement "
    "“{campaign}”, {review}",
    "doc_what_collective": "collective",
    "doc_what_individual": "individual",
    "doc_what_special": "special prize",
    "doc_and": " and ",
    "doc_recipient_label": "To:",
    "doc_recipient": "the People's Committee of {unit} (via the Culture and Society Office).",
    "doc_basis_plan": "Pursuant to Plan No. ……/KH-UBND dated ……/……/{year} of the People's "
    "Committee of {unit} launching the emulation movement “{campaign}” in "
    "{year};",
    "doc_basis_meeting": "Based on the minutes of the review meeting of ……/……/{year} of the "
    "board of {hamlet},",
    "doc_submission_intro": "The board of {hamlet} reports its results and respectfully asks "
    "the People's Committee of {unit} to consider these awards:",
    "doc_section_results": "RESULTS",
    "doc_section_proposal": "AWARDS PROPOSED",
    "doc_attachments": "Attached: minutes of the review meeting; evidence list of the "
    "households guided (file {file}).",
    "doc_period": "Period: {start} to {end}.",
    "doc_figures_head": "Evidence figures",
    "doc_col_no": "No.",
    "doc_col_item": "Item",
    "doc_col_value": "Figure",
    "doc_fig_total_roster": "Households in the hamlet, from the imported household list",
    "doc_fig_total_configured": "Households in the hamlet, as configured",
    "doc_fig_total": "Households in the hamlet",
    "doc_fig_total_roster_configured": "{n} from the household list (configured {configured})",
    "doc_fig_guided": "Households guided through an online public service",
    "doc_fig_coverage": "Households guided as a share of all households",
    "doc_fig_threshold": "Minimum share for the collective award",
    "doc_fig_required": "Procedures required per household for the special prize",
    "doc_fig_special": "Households guided through at least {n} procedure(s)",
    "doc_fig_entries": "Guidance entries recorded",
    "doc_fig_days": "Days with guidance / days in the period",
    "doc_fig_called": "Households phoned in random checks",
    "doc_fig_confirmed": "– confirmed",
    "doc_fig_failed": "– failed (unresolved)",
    "doc_fig_overturned": "– failed, then overturned on review",
    "doc_fig_unreachable": "– unreachable",
    "doc_fig_wrong_number": "– wrong number (not counted as failed)",
    "doc_fig_wrong_number_failed": "– wrong number (counted as failed, unresolved)",
    "doc_source": "Figures taken from the management system on {day} at {time} (proposal "
    "{id}, {status}).",
    "doc_status_final": "final",
    "doc_status_draft": "draft",
    "doc_achievements_head": "Summary of achievements",
    "doc_summary_coverage": "From {start} to {end}, the board of {hamlet} guided "
    "{guided}/{total} households through online public services, "
    "{coverage} of the hamlet's households.",
    "doc_summary_met": "This meets the collective award standard of {threshold} or more.",
    "doc_summary_pace": "{hamlet} recorded {entries} guidance entries, with guidance on "
    "{active}/{period} days of the period.",
    "doc_summary_special": "{special} households were guided through at least {n} procedure(s), "
    "as the special prize requires – {pct} of all households.",
    "doc_summary_individuals": "The {n} person(s) proposed for an award guided {households} "
    "households themselves.",
    "doc_summary_checks": "In random phone checks, {confirmed}/{called} households confirmed "
    "they were guided as recorded",
    "doc_summary_no_failed": "no failed check is outstanding",
    "doc_summary_failed": "{n} failed check(s) remain unresolved",
    "doc_summary_overturned": "{n} failed check(s) were overturned on review",
    "doc_summary_unreachable": "{n} household(s) could not be reached",
    "doc_summary_wrong_number": "{n} wrong number(s) (not counted as failed)",
    "doc_summary_wrong_number_failed": "{n} of them wrong number(s)",
    "doc_summary_no_checks": "No household has been phoned for a check in this period.",
    "doc_procedures_head": "Procedures guided most",
    "doc_procedure_line": "{name}: {n} households",
    "doc_procedures_none": "No data yet.",
    "doc_kind_collective": "Collective award",
    "doc_kind_special": "Special prize",
    "doc_kind_individual": "Individual awards",
    "doc_proposal_collective": "A certificate of merit of the Chairman of the People's Committee "
    "of {unit} for the board of {hamlet}: {guided}/{total} households "
    "guided through online public services, {coverage}, meeting the "
    "standard of {threshold} or more.",
    "doc_proposal_special": "The special prize of the People's Committee of {unit} for {hamlet}: "
    "{special}/{total} households guided through at least {n} online "
    "procedure(s), as the prize requires.",
    "doc_proposal_individuals": "A certificate of merit of the Chairman of the People's "
    "Committee of {unit} for {n} person(s) who guided residents "
    "through online public services:",
    "doc_col_name": "Full name",
    "doc_col_households": "Households guided",
    "doc_col_days": "Days with guidance",
    "doc_col_called": "Households phoned",
    "doc_col_confirmed": "Confirmed",
    "doc_col_failed": "Failed",
    "doc_officer_line": "{name}: guided {households} households, with guidance on {days} days; "
    "{checks}.",
    "doc_officer_checks": "{called} households phoned in checks, {confirmed} confirmed, {failed}",
    "doc_officer_failed": "{n} failed",
    "doc_officer_none_failed": "none failed",
    "doc_officer_no_checks": "no household phoned in checks yet",
    "doc_minutes_evidence": "Evidence list attached: file {file}.",
    "doc_submission_closing": "The board of {hamlet} respectfully submits this to the People's "
    "Committee of {unit} for consideration and decision.",
    "doc_recipients_head": "Recipients:",
    "doc_recipient_above": "- As above;",
    "doc_recipient_archive": "- Archive.",
    "doc_sign_head_authority": "ON BEHALF OF THE HAMLET BOARD",
    "doc_sign_head": "HAMLET HEAD",
    "doc_sign_hint": "(Signature and full name)",
    "doc_sign_secretary": "SECRETARY",
    "doc_sign_chair": "CHAIR",
    "doc_minutes_when_where": "TIME AND VENUE",
    "doc_minutes_time": "Time: …… h …… on ……/……/{year}.",
    "doc_minutes_place": "Venue: ……………………………………………………",
    "doc_minutes_attendees": "ATTENDEES",
    "doc_minutes_chair": "Chair: Mr/Ms ……………………… – Position: …………………",
    "doc_minutes_secretary": "Secretary: Mr/Ms ……………………… – Position: …………………",
    "doc_minutes_members": "Members present: ……/……, namely:",
    "doc_minutes_member": "Mr/Ms ……………………… – Position: …………………",
    "doc_minutes_content": "PROCEEDINGS",
    "doc_minutes_intro": "The meeting heard the report on the results of {hamlet} and reviewed "
    "the award proposals as follows:",
    "doc_minutes_results_head": "Results of {hamlet}",
    "doc_proposals_head": "Award proposals",
    "doc_minutes_discussion": "Members' comments",
    "doc_minutes_vote_head": "VOTE",
    "doc_minutes_vote": "Vote: ……/…… members in favour (……%), ……/…… against.",
    "doc_minutes_agreed": "The meeting agreed that the board of {hamlet} submit the awards in "
    "point 2 of part III to the People's Committee of {unit}.",
    "doc_minutes_closing": "The meeting ended at …… h …… the same day; these minutes were read "
    "to and approved by the members present.",
    # --- the dossier files in the chat (handlers/awards/proposal.py) ------------------------------
    "award_doc_submission": "📄 Award submission – {hamlet} ({status}; fill in the number and "
    "date when signing)",
    "award_doc_minutes": "📄 Review meeting minutes – {hamlet} (fill in the date and attendees)",
    "award_doc_evidence": "📊 Evidence list – {hamlet} ({households} households)",
    "award_doc_final": "final",
    "award_doc_draft": "draft",
    "award_doc_open_checks": "⚠️ {hamlet} still has {n} sampled household(s) not yet called: "
    "the results may change.",
    # For the "/" menu (handlers/engine/menu.py) and /help (handlers/accounts/help.py) of heads
    # and the office
    "cmd_dossier": "The hamlet's award dossier (final)",
    "help_dossier": "• /dossier – the hamlet's award dossier (submission, review minutes, "
    "evidence list) from the office's final award proposal",
    "dossier_not_allowed": "/dossier is for hamlet heads (their hamlet's award dossier) and the "
    "Culture and Society Office.",
    "dossier_no_hamlet": "Your account is not linked to a hamlet, so there is no award dossier. "
    "Please contact the Culture and Society Office.",
    "dossier_not_final": "The Culture and Society Office has not finalised an award proposal "
    "yet, so there is no dossier for your hamlet. Once it is final, type "
    "/dossier again to get the submission, the review minutes and the "
    "evidence list.",
    "dossier_nothing": "In the final award proposal ({review}), {hamlet} has no collective or "
    "person proposed for an award, so there is no dossier to prepare.",
    "dossier_head_ready": "Award dossier of {hamlet} from the final proposal ({review}): the "
    "submission, the review minutes and the evidence list. Print them, "
    "fill in the number, date and attendees, sign and send them to the "
    "Culture and Society Office.",
    "dossier_office_ready": "Award dossiers from final proposal #{id} ({review}).",
    "dossier_office_none": "No award proposal is final yet. Type /awards to make a proposal "
    "and get each hamlet's dossier (draft).",
}
