"""Messages for office papers (Vietnamese first, then English); merged into the catalog by
handlers/texts/__init__.py. Keys are unique across every part."""

from __future__ import annotations

VI: dict[str, str] = {
    # --- /vanban in chat ---
    "op_not_allowed": "Văn bản sơ kết, tổng kết và khen thưởng của Phòng Văn hóa – Xã hội "
    "dành cho cán bộ giám sát. Anh/chị xem kết quả của ấp bằng /tiendo.",
    "op_ask_review": "Lập văn bản của Phòng Văn hóa – Xã hội (báo cáo, tờ trình gửi Hội đồng "
    "Thi đua – Khen thưởng, dự thảo quyết định khen thưởng) cho đợt xét nào?",
    "op_unknown_arg": "Không rõ đợt xét «{arg}». Gõ /vanban 6 thang hoặc /vanban nam, hoặc chọn "
    "bên dưới.",
    "op_option": "{review} · {state}",
    "op_option_final": "đề xuất #{id} chính thức",
    "op_option_draft": "đề xuất #{id} dự thảo",
    "op_option_none": "chưa có đề xuất",
    "op_none": "Chưa có đề xuất khen thưởng nào cho đợt «{review}». Gõ /khenthuong và chọn đợt "
    "này để lập đề xuất, rồi gõ lại /vanban.",
    "op_ready_final": "📑 Văn bản {review} của Phòng Văn hóa – Xã hội, lập từ đề xuất #{id} "
    "(bản chính thức, chốt lúc {final_at}; số liệu chốt lúc {at}): báo cáo, "
    "tờ trình gửi Hội đồng Thi đua – Khen thưởng và dự thảo quyết định khen "
    "thưởng. Điền số, ngày và các chỗ «……» trước khi trình ký.",
    "op_ready_draft": "📑 Văn bản {review} của Phòng Văn hóa – Xã hội, lập từ đề xuất #{id} "
    "(số liệu chốt lúc {at}).\n⚠️ Đề xuất này chưa được chốt là bản chính "
    "thức: cả ba văn bản là bản DỰ THẢO, có dấu «DỰ THẢO» ở trang đầu. Khi Hội "
    "đồng đã quyết, chốt bằng /khenthuong_chot {id} rồi gõ lại /vanban.",
    "op_caption_report": "📄 Báo cáo {review} của Phòng Văn hóa – Xã hội{draft}",
    "op_caption_submission": "📄 Tờ trình gửi Hội đồng Thi đua – Khen thưởng, kèm danh sách đề "
    "nghị khen thưởng{draft}",
    "op_caption_decision": "📄 Dự thảo Quyết định khen thưởng của Chủ tịch Ủy ban nhân dân "
    "và danh sách kèm theo",
    "op_caption_draft": " (bản dự thảo)",
    # --- the papers: names, header, signatures ---
    "op_review_half": "sơ kết 6 tháng đầu năm {year}",
    "op_review_year": "tổng kết năm {year}",
    "op_review_other": "kỳ từ ngày {start} đến ngày {end}",
    "op_committee": "Ủy ban nhân dân",
    "op_office": "Phòng Văn hóa – Xã hội",
    "op_council": "Hội đồng Thi đua – Khen thưởng {unit}",
    "op_number_report": "Số: ……/BC-VHXH",
    "op_number_submission": "Số: ……/TTr-VHXH",
    "op_number_decision": "Số: ……/QĐ-UBND",
    "op_place_date": "{place}, ngày …… tháng …… năm {year}",
    "op_draft_mark": "DỰ THẢO",
    "op_to": "Kính gửi:",
    "op_sign_office": "TRƯỞNG PHÒNG",
    "op_sign_chair": "CHỦ TỊCH",
    "op_recipients_head": "Nơi nhận:",
    "op_recipients_report": "- Ủy ban nhân dân đặc khu (để báo cáo);\n- Hội đồng Thi đua – Khen "
    "thưởng đặc khu;\n- Lưu: VT, VHXH.",
    "op_recipients_submission": "- Như trên;\n- Chủ tịch, các Phó Chủ tịch UBND đặc khu;\n"
    "- Lưu: VT, VHXH.",
    "op_recipients_decision": "- Như Điều 3;\n- TT. Đảng ủy đặc khu;\n- TT. HĐND đặc khu;\n"
    "- CT, các PCT UBND đặc khu;\n- Lưu: VT, VHXH.",
    "op_trace": "Số liệu trích từ đề xuất khen thưởng #{id}: chốt số liệu lúc {at}, tính đến "
    "hết ngày {as_of}, {entries} lượt ghi nhận; {state}.",
    "op_trace_final": "đề xuất đã được chốt là bản chính thức lúc {at}",
    "op_trace_draft": "đề xuất chưa được chốt là bản chính thức",
    "op_basis_local_government": "Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;",
    "op_basis_law": "Căn cứ Luật Thi đua, khen thưởng năm 2022;",
    "op_basis_decree": "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính "
    "phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen "
    "thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi "
    "đua, khen thưởng;",
    "op_basis_circular": "Căn cứ Thông tư số 15/2025/TT-BNV ngày 04 tháng 8 năm 2025 của Bộ Nội "
    "vụ quy định biện pháp để tổ chức, hướng dẫn thi hành Luật Thi đua, khen "
    "thưởng và Nghị định số 152/2025/NĐ-CP;",
    "op_basis_plan": "Căn cứ Kế hoạch số ……/KH-UBND ngày …… tháng …… năm {year} của Ủy ban nhân "
    "dân {unit} về phát động phong trào thi đua thực hiện mô hình “{campaign}” "
    "năm {year};",
    "op_basis_dossiers": "Căn cứ hồ sơ đề nghị khen thưởng của Ban nhân dân các ấp và kết quả "
    "kiểm tra ngẫu nhiên các trường hợp đã hướng dẫn.",
    "op_basis_proposal": "Theo đề nghị của {council} và Trưởng phòng Văn hóa – Xã hội tại Tờ "
    "trình số ……/TTr-VHXH ngày …… tháng …… năm {signed}.",
    # --- the report ---
    "op_report_title": "BÁO CÁO",
    "op_report_subject": "{review} thực hiện phong trào thi đua “{campaign}” trên địa bàn {unit}",
    "op_report_intro": "Thực hiện Kế hoạch số ……/KH-UBND ngày …… tháng …… năm {year} của Ủy ban "
    "nhân dân {unit} về phát động phong trào thi đua thực hiện mô hình "
    "“{campaign}”, Phòng Văn hóa – Xã hội báo cáo kết quả thực hiện từ ngày "
    "{start} đến ngày {end} như sau:",
    "op_report_h_direction": "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TRIỂN KHAI THỰC HIỆN",
    "op_report_h_results": "II. KẾT QUẢ THỰC HIỆN",
    "op_report_h_guidance": "1. Kết quả hướng dẫn hộ gia đình thực hiện dịch vụ công trực tuyến",
    "op_report_guidance_plain": "Tính đến hết ngày {as_of}, {n} ấp trên địa bàn đã hướng dẫn "
    "{guided}/{total} hộ gia đình thực hiện dịch vụ công trực tuyến, đạt "
    "{pct}, với {entries} lượt hướng dẫn được ghi nhận. Kết quả từng ấp như sau:",
    "op_report_guidance": "Tính đến hết ngày {as_of}, {n} ấp trên địa bàn đã hướng dẫn "
    "{guided}/{total} hộ gia đình thực hiện dịch vụ công trực tuyến, đạt "
    "{pct}, với {entries} lượt hướng dẫn được ghi nhận; {special} hộ được "
    "hướng dẫn đủ số thủ tục theo điều kiện giải đặc biệt. Kết quả từng ấp "
    "như sau:",
    "op_report_h_checks": "2. Kết quả kiểm tra ngẫu nhiên các trường hợp đã hướng dẫn",
    "op_report_h_awards": "3. Kết quả bình xét khen thưởng",
    "op_report_awards_plain": "Căn cứ tiêu chuẩn của Kế hoạch và kết quả trên, Phòng Văn hóa – "
    "Xã hội đề xuất khen thưởng {collective} tập thể (tối đa {collective_cap}) và "
    "{individual} cá nhân (tối đa {individual_cap}); danh sách chi tiết tại Tờ trình gửi "
    "{council}.",
    "op_report_awards": "Căn cứ tiêu chuẩn của Kế hoạch và kết quả trên, Phòng Văn hóa – Xã hội "
    "đề xuất khen thưởng {collective} tập thể (tối đa {collective_cap}), "
    "trao {special} giải đặc biệt (tối đa {special_cap}) và khen thưởng "
    "{individual} cá nhân (tối đa {individual_cap}); danh sách chi tiết tại "
    "Tờ trình gửi {council}.",
    "op_report_tied": "Về {what}, có {n} trường hợp đồng hạng cho {seats} suất còn lại, đề nghị "
    "Hội đồng xét chọn.",
    "op_report_h_assessment": "III. ĐÁNH GIÁ CHUNG",
    "op_report_h_strengths": "1. Ưu điểm",
    "op_report_h_weaknesses": "2. Tồn tại, hạn chế",
    "op_report_h_causes": "3. Nguyên nhân",
    "op_report_causes_good": "a) Nguyên nhân của kết quả đạt được:",
    "op_report_causes_bad": "b) Nguyên nhân của tồn tại, hạn chế:",
    "op_report_h_lessons": "4. Bài học kinh nghiệm",
    "op_report_h_next_half": "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM {year}",
    "op_report_h_next_year": "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {next}",
    "op_report_next_focus": "Tập trung hướng dẫn tại các ấp chưa đạt {threshold}, trước hết: "
    "{names}.",
    "op_report_next_checks": "Tiếp tục kiểm tra ngẫu nhiên các trường hợp đã hướng dẫn theo Kế "
    "hoạch.",
    "op_report_h_proposals": "V. ĐỀ XUẤT, KIẾN NGHỊ",
    "op_report_proposals": "Đề nghị {council} xem xét, trình Chủ tịch Ủy ban nhân dân đặc khu "
    "khen thưởng các tập thể, cá nhân theo Tờ trình của Phòng Văn hóa – "
    "Xã hội.",
    "op_report_closing": "Trên đây là báo cáo {review} thực hiện phong trào thi đua "
    "“{campaign}” của Phòng Văn hóa – Xã hội./.",
    "op_good_zone": "Toàn đặc khu đã hướng dẫn {guided}/{total} hộ gia đình thực hiện dịch vụ "
    "công trực tuyến, đạt {pct}, với {entries} lượt hướng dẫn được ghi nhận.",
    "op_good_met": "{n}/{of} ấp đạt tỷ lệ từ {threshold} trở lên: {names}.",
    "op_good_special": "{n} ấp có mọi hộ được hướng dẫn đủ số thủ tục theo điều kiện giải đặc "
    "biệt: {names}.",
    "op_good_procedures": "Các thủ tục được hướng dẫn nhiều nhất: {list}.",
    "op_procedure": "{name} ({n} hộ)",
    "op_good_steady": "Ấp duy trì hướng dẫn đều nhất, theo số ngày có hướng dẫn trên số ngày "
    "của kỳ: {names}.",
    "op_good_checks": "Qua kiểm tra ngẫu nhiên, {ok}/{called} hộ xác nhận đã được hướng dẫn, "
    "đạt {pct}.",
    "op_bad_below": "{n}/{of} ấp chưa đạt {threshold}; thấp nhất: {names}.",
    "op_name_lacks": "{pct}, còn thiếu {n} hộ",
    "op_bad_idle": "{n} ấp chưa ghi nhận lượt hướng dẫn nào trong kỳ: {names}.",
    "op_bad_slow": "{n} ấp có số ngày có hướng dẫn chưa đến một nửa số ngày của kỳ, chưa bảo "
    "đảm mỗi ngày hướng dẫn 01 gia đình: {names}.",
    "op_bad_no_checks": "Trong kỳ chưa tiến hành kiểm tra ngẫu nhiên các trường hợp đã hướng dẫn.",
    "op_bad_failed": "Có {n} trường hợp kiểm tra không đạt, tại: {names}.",
    "op_bad_excluded": "Do có kết quả kiểm tra không đạt, {hamlets} ấp và {people} cá nhân đạt "
    "tiêu chuẩn về số liệu nhưng không được đề nghị khen thưởng.",
    "op_bad_contact": "{unreachable} hộ không liên lạc được và {wrong} hộ sai số điện thoại khi "
    "kiểm tra: thông tin minh chứng cần được bổ sung, cập nhật.",
    "op_bad_nothing": "Số liệu trong kỳ chưa cho thấy tồn tại, hạn chế; đề nghị bổ sung: ……",
    "op_checks_summary": "Đã gọi điện kiểm tra ngẫu nhiên {called} hộ tại {hamlets} ấp: "
    "{confirmed} hộ xác nhận đúng; {failed} hộ không đạt; {wrong} hộ sai số "
    "điện thoại; {unreachable} hộ không liên lạc được; {overturned} trường "
    "hợp không đạt đã được xem xét, hủy kết quả.",
    "op_checks_none": "Trong kỳ chưa có hộ nào được gọi điện kiểm tra ngẫu nhiên.",
    "op_note_required": "Cột “Thủ tục mỗi hộ”: số thủ tục mỗi hộ cần được hướng dẫn để xét giải "
    "đặc biệt – ấp có từ {large} hộ trở lên: {large_n} thủ tục; ấp dưới "
    "{large} hộ: {small_n} thủ tục. Cột “Hộ đủ thủ tục”: số hộ đã được hướng "
    "dẫn đủ số thủ tục đó.",
    "op_note_roster": "Dấu *: tổng số hộ theo danh sách hộ của ấp đã nhập vào hệ thống; các ấp "
    "khác theo số hộ đã khai báo.",
    "op_note_days": "Cột “Ngày có hướng dẫn”: số ngày có ít nhất một lượt hướng dẫn trên số "
    "ngày của kỳ.",
    "op_note_wrong": "Sai số điện thoại được thống kê riêng, không tính là không đạt.",
    "op_note_wrong_fails": "Sai số điện thoại được thống kê riêng và tính là không đạt, vì minh "
    "chứng ghi sai.",
    # --- table columns ---
    "op_col_no": "STT",
    "op_col_hamlet": "Ấp",
    "op_col_total": "Tổng số hộ",
    "op_col_guided": "Số hộ đã hướng dẫn",
    "op_col_coverage": "Tỷ lệ",
    "op_col_required": "Thủ tục mỗi hộ",
    "op_col_special": "Hộ đủ thủ tục",
    "op_col_entries": "Lượt hướng dẫn",
    "op_col_days": "Ngày có hướng dẫn",
    "op_col_zone": "Tổng cộng",
    "op_col_called": "Số hộ đã gọi",
    "op_col_confirmed": "Xác nhận đúng",
    "op_col_failed": "Không đạt",
    "op_col_wrong": "Sai số điện thoại",
    "op_col_unreachable": "Không liên lạc được",
    "op_col_overturned": "Đã hủy kết quả không đạt",
    "op_col_collective": "Tập thể",
    "op_col_passed": "Kiểm tra đạt/đã gọi",
    "op_col_rank": "Xếp hạng",
    "op_col_special_share": "Tỷ lệ hộ đủ thủ tục",
    "op_col_name": "Họ và tên",
    "op_col_households": "Số hộ đã hướng dẫn",
    "op_col_active_days": "Số ngày có hướng dẫn",
    "op_col_collective_name": "Tên tập thể",
    "op_col_unit": "Đơn vị",
    # --- the submission ---
    "op_submission_title": "TỜ TRÌNH",
    "op_submission_subject": "Về việc đề nghị khen thưởng tập thể, cá nhân có thành tích xuất "
    "sắc trong phong trào thi đua “{campaign}”, {review}",
    "op_submission_intro": "Phòng Văn hóa – Xã hội, cơ quan Thường trực của {council}, kính "
    "trình Hội đồng xem xét, đề nghị Chủ tịch Ủy ban nhân dân đặc khu "
    "khen thưởng các tập thể, cá nhân có thành tích xuất sắc qua "
    "{review} phong trào thi đua, cụ thể như sau:",
    "op_submission_h_results": "I. KẾT QUẢ PHONG TRÀO THI ĐUA",
    "op_submission_results": "Từ ngày {start} đến ngày {end}, các ấp đã hướng dẫn "
    "{guided}/{total} hộ gia đình thực hiện dịch vụ công trực tuyến, "
    "đạt {pct}; {met}/{of} ấp đạt tỷ lệ từ {threshold} trở lên. Kết quả "
    "chi tiết tại Báo cáo của Phòng Văn hóa – Xã hội.",
    "op_submission_h_rules": "II. TIÊU CHUẨN XÉT KHEN THƯỞNG",
    "op_rule_collective": "Tập thể, không quá {cap} tập thể: ấp có từ {pct} số hộ trở lên được "
    "hướng dẫn thực hiện dịch vụ công trực tuyến, không có kết quả kiểm "
    "tra không đạt; xếp theo {order}.",
    "op_rule_special": "Giải đặc biệt, không quá {cap} ấp: mọi hộ của ấp được hướng dẫn đủ số "
    "thủ tục – ấp có từ {large} hộ trở lên: {large_n} thủ tục, ấp dưới "
    "{large} hộ: {small_n} thủ tục; không có kết quả kiểm tra không đạt; xếp "
    "theo {order}.",
    "op_rule_individual": "Cá nhân, không quá {cap} cá nhân: trực tiếp hướng dẫn hộ gia đình "
    "trong kỳ, không có kết quả kiểm tra không đạt; xếp theo {order}.",
    "op_submission_h_list": "III. DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
    "op_list_collective": "1. Khen thưởng tập thể: {n} tập thể, tối đa {cap}",
    "op_list_special": "2. Giải đặc biệt: {n} ấp, tối đa {cap}",
    "op_list_individual": "3. Khen thưởng cá nhân: {n} cá nhân, tối đa {cap}",
    "op_list_intro_collective": "Đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân đặc khu "
    "cho {n} tập thể:",
    "op_list_intro_special": "Đề nghị trao phần quà khen thưởng giải đặc biệt cho {n} ấp:",
    "op_list_intro_individual": "Đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân đặc khu "
    "cho {n} cá nhân:",
    "op_none_collective": "Không có tập thể đủ tiêu chuẩn.",
    "op_none_special": "Không có ấp đủ điều kiện giải đặc biệt.",
    "op_none_individual": "Không có cá nhân đủ tiêu chuẩn.",
    "op_note_passed": "Cột “Kiểm tra đạt/đã gọi”: số hộ xác nhận đúng, kể cả trường hợp không "
    "đạt đã được xem xét, hủy kết quả, trên số hộ đã gọi có kết quả; hộ không "
    "liên lạc được không tính là không đạt.",
    "op_tied": "Các trường hợp đồng hạng {rank} cho {seats} suất còn lại, đề nghị Hội đồng xét "
    "chọn trong số {n} trường hợp:",
    "op_submission_h_excluded": "IV. CÁC TRƯỜNG HỢP KHÔNG ĐỀ NGHỊ KHEN THƯỞNG",
    "op_excluded": "{who} đạt tiêu chuẩn {what} về số liệu nhưng có {n} kết quả kiểm tra không "
    "đạt, phiếu {checks}, nên không đề nghị.",
    "op_person_of": "{name} ({hamlet})",
    "op_what_collective": "khen thưởng tập thể",
    "op_what_special": "giải đặc biệt",
    "op_what_individual": "khen thưởng cá nhân",
    "op_submission_attachments": "Hồ sơ kèm theo:",
    "op_submission_attached": "Báo cáo {review} của Phòng Văn hóa – Xã hội;\nDự thảo Quyết định "
    "khen thưởng và danh sách kèm theo;\nHồ sơ đề nghị khen thưởng của "
    "Ban nhân dân các ấp: Tờ trình, Biên bản họp xét, danh sách minh "
    "chứng.",
    "op_submission_closing": "Phòng Văn hóa – Xã hội kính trình {council} xem xét, quyết định./.",
    # --- the decision and its annex ---
    "op_decision_title": "QUYẾT ĐỊNH",
    "op_decision_subject": "Về việc khen thưởng tập thể, cá nhân có thành tích xuất sắc trong "
    "phong trào thi đua “{campaign}”, {review}",
    "op_decision_authority": "Chủ tịch Ủy ban nhân dân {unit}",
    "op_decision_decides": "QUYẾT ĐỊNH:",
    "op_article": "Điều {n}.",
    "op_count_collectives": "{n} tập thể",
    "op_count_people": "{n} cá nhân",
    "op_and": " và ",
    "op_decision_article1": "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân đặc khu cho {what} đã "
    "có thành tích xuất sắc trong phong trào thi đua “{campaign}”, "
    "{review}, có danh sách kèm theo.",
    "op_decision_article1_special": "Trao {n} phần quà khen thưởng giải đặc biệt cho các ấp có "
    "thành tích nổi trội, tiêu biểu trong việc hướng dẫn hộ gia "
    "đình thực hiện dịch vụ công trực tuyến tại nhà, có danh sách "
    "kèm theo.",
    "op_decision_nobody": "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân đặc khu cho ……",
    "op_decision_article2": "Kinh phí khen thưởng thực hiện theo quy định tại Nghị định số "
    "152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ, chi từ Quỹ "
    "thi đua, khen thưởng của đặc khu.",
    "op_decision_article3": "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Hội đồng "
    "nhân dân và Ủy ban nhân dân đặc khu, Trưởng phòng Văn hóa – Xã hội, "
    "Trưởng Ban nhân dân các ấp, Thủ trưởng các cơ quan, đơn vị có liên "
    "quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi "
    "hành Quyết định này./.",
    "op_annex_title": "DANH SÁCH",
    "op_annex_subject": "Tập thể, cá nhân được khen thưởng trong phong trào thi đua "
    "“{campaign}”, {review}",
    "op_annex_attached": "(Kèm theo Quyết định số ……/QĐ-UBND ngày …… tháng …… năm {year} của Chủ "
    "tịch Ủy ban nhân dân {unit})",
    "op_annex_h_collective": "I. TẬP THỂ: {n} tập thể",
    "op_annex_h_individual": "II. CÁ NHÂN: {n} cá nhân",
    "op_annex_h_special": "III. GIẢI ĐẶC BIỆT: {n} ấp",
    "op_annex_none": "Không có.",
    "op_annex_tied": "Ghi chú dự thảo: còn {seats} suất do Hội đồng xét chọn trong số {n} "
    "trường hợp đồng hạng: {names}.",
    "op_annex_total_plain": "Danh sách gồm {collectives} tập thể và {people} cá nhân./.",
    "op_annex_total": "Danh sách gồm {collectives} tập thể, {people} cá nhân và {specials} giải "
    "đặc biệt./.",
    "op_collective_name": "Ban nhân dân {hamlet}",
}

EN: dict[str, str] = {
    # --- /papers in chat ---
    "op_not_allowed": "The culture & society office's review and award papers are for "
    "supervisors. See your hamlet's results with /progress.",
    "op_ask_review": "Prepare the culture & society office's papers (report, submission to the "
    "emulation council, draft award decision) for which review?",
    "op_unknown_arg": "Unknown review «{arg}». Type /papers half or /papers year, or choose below.",
    "op_option": "{review} · {state}",
    "op_option_final": "proposal #{id} final",
    "op_option_draft": "proposal #{id} draft",
    "op_option_none": "no proposal yet",
    "op_none": "There is no award proposal for «{review}» yet. Type /awards and choose this "
    "review to make one, then type /papers again.",
    "op_ready_final": "📑 The culture & society office's papers for the {review}, from "
    "proposal #{id} (final, marked at {final_at}; figures taken at {at}): "
    "report, submission to the emulation council and draft award decision. "
    "Fill in the numbers, dates and «……» before signing.",
    "op_ready_draft": "📑 The culture & society office's papers for the {review}, from "
    "proposal #{id} (figures taken at {at}).\n⚠️ This proposal is not marked "
    "final: all three papers are DRAFTS and say «DRAFT» on their first "
    "page. Once the council has decided, mark it with /awards_final {id} and "
    "type /papers again.",
    "op_caption_report": "📄 Report on the {review} by the culture & society office{draft}",
    "op_caption_submission": "📄 Submission to the emulation council with the proposed award "
    "list{draft}",
    "op_caption_decision": "📄 Draft award decision of the People's Committee's chairperson "
    "with its annexed list",
    "op_caption_draft": " (draft)",
    # --- the papers: names, header, signatures ---
    "op_review_half": "6-month review of {year}",
    "op_review_year": "year-end review of {year}",
    "op_review_other": "period from {start} to {end}",
    "op_committee": "People's Committee",
    "op_office": "Culture and Society Office",
    "op_council": "Emulation and Reward Council of {unit}",
    "op_number_report": "No.: ……/BC-VHXH",
    "op_number_submission": "No.: ……/TTr-VHXH",
    "op_number_decision": "No.: ……/QĐ-UBND",
    "op_place_date": "{place}, …… …… {year}",
    "op_draft_mark": "DRAFT",
    "op_to": "To:",
    "op_sign_office": "HEAD OF OFFICE",
    "op_sign_chair": "CHAIRPERSON",
    "op_recipients_head": "Recipients:",
    "op_recipients_report": "- People's Committee of the zone (for information);\n- Emulation "
    "and Reward Council;\n- Archive.",
    "op_recipients_submission": "- As above;\n- Chair and vice-chairs of the People's "
    "Committee;\n- Archive.",
    "op_recipients_decision": "- As in Article 3;\n- Party Committee standing board;\n- People's "
    "Council standing board;\n- Chair and vice-chairs;\n- Archive.",
    "op_trace": "Figures taken from award proposal #{id}: snapshot at {at}, up to {as_of}, "
    "{entries} entries; {state}.",
    "op_trace_final": "the proposal was marked final at {at}",
    "op_trace_draft": "the proposal is not marked final",
    "op_basis_local_government": "Pursuant to the Law on Local Government Organisation of 2025;",
    "op_basis_law": "Pursuant to the Law on Emulation and Commendation of 2022;",
    "op_basis_decree": "Pursuant to Government Decree No. 152/2025/NĐ-CP of 14 June 2025 on "
    "decentralisation in emulation and commendation and detailing the Law "
    "on Emulation and Commendation;",
    "op_basis_circular": "Pursuant to Circular No. 15/2025/TT-BNV of 4 August 2025 of the "
    "Ministry of Home Affairs guiding the Law on Emulation and Commendation "
    "and Decree No. 152/2025/NĐ-CP;",
    "op_basis_plan": "Pursuant to Plan No. ……/KH-UBND of …… {year} of the People's Committee of "
    "{unit} launching the emulation movement “{campaign}” in {year};",
    "op_basis_dossiers": "Based on the hamlets' award dossiers and the random spot-checks of "
    "guided households.",
    "op_basis_proposal": "At the proposal of the {council} and the head of the culture & "
    "society office in Submission No. ……/TTr-VHXH of …… {signed}.",
    # --- the report ---
    "op_report_title": "REPORT",
    "op_report_subject": "{review} of the emulation movement “{campaign}” in {unit}",
    "op_report_intro": "Under Plan No. ……/KH-UBND of …… {year} of the People's Committee of "
    "{unit} launching the emulation movement “{campaign}”, the culture & "
    "society office reports the results from {start} to {end} as follows:",
    "op_report_h_direction": "I. LEADERSHIP, DIRECTION AND ROLL-OUT",
    "op_report_h_results": "II. RESULTS",
    "op_report_h_guidance": "1. Households guided through online public services",
    "op_report_guidance_plain": "As of {as_of}, {n} hamlets have guided {guided}/{total} "
    "households through online public services ({pct}), with {entries} guidance entries "
    "recorded. Each hamlet's results:",
    "op_report_guidance": "Up to {as_of}, the {n} hamlets guided {guided}/{total} households "
    "through online public services, {pct}, with {entries} guidance "
    "entries recorded; {special} households were guided through the "
    "procedures the special prize requires. Per hamlet:",
    "op_report_h_checks": "2. Random spot-checks of guided households",
    "op_report_h_awards": "3. Award review",
    "op_report_awards_plain": "Under the Plan's criteria and the results above, the Culture and "
    "Society Office proposes awards for {collective} collectives (at most {collective_cap}) and "
    "{individual} individuals (at most {individual_cap}); details in the submission to "
    "{council}.",
    "op_report_awards": "Against the plan's criteria and these results, the culture & society "
    "office proposes {collective} collective awards (at most "
    "{collective_cap}), {special} special prizes (at most {special_cap}) "
    "and {individual} individual awards (at most {individual_cap}); the "
    "list is in the submission to the {council}.",
    "op_report_tied": "For the {what}, {n} candidates tie for {seats} remaining places: the "
    "council chooses.",
    "op_report_h_assessment": "III. GENERAL ASSESSMENT",
    "op_report_h_strengths": "1. Strengths",
    "op_report_h_weaknesses": "2. Shortcomings",
    "op_report_h_causes": "3. Causes",
    "op_report_causes_good": "a) Causes of the results achieved:",
    "op_report_causes_bad": "b) Causes of the shortcomings:",
    "op_report_h_lessons": "4. Lessons learned",
    "op_report_h_next_half": "IV. TASKS FOR THE SECOND HALF OF {year}",
    "op_report_h_next_year": "IV. TASKS FOR {next}",
    "op_report_next_focus": "Focus guidance on the hamlets below {threshold}, first: {names}.",
    "op_report_next_checks": "Keep spot-checking guided households as the plan provides.",
    "op_report_h_proposals": "V. PROPOSALS AND RECOMMENDATIONS",
    "op_report_proposals": "The {council} is asked to review and submit the collectives and "
    "individuals in the office's submission for award by the chair of "
    "the People's Committee.",
    "op_report_closing": "This is the culture & society office's report on the {review} of the "
    "emulation movement “{campaign}”./.",
    "op_good_zone": "Across the zone, {guided}/{total} households were guided through online "
    "public services, {pct}, with {entries} guidance entries recorded.",
    "op_good_met": "{n}/{of} hamlets reached {threshold} or more: {names}.",
    "op_good_special": "{n} hamlets guided every household through the procedures the special "
    "prize requires: {names}.",
    "op_good_procedures": "Procedures guided most: {list}.",
    "op_procedure": "{name} ({n} households)",
    "op_good_steady": "Most regular guidance, days with guidance over the period's days: {names}.",
    "op_good_checks": "In random spot-checks, {ok}/{called} households confirmed being guided, "
    "{pct}.",
    "op_bad_below": "{n}/{of} hamlets are below {threshold}; furthest behind: {names}.",
    "op_name_lacks": "{pct}, {n} households short",
    "op_bad_idle": "{n} hamlets recorded no guidance in the period: {names}.",
    "op_bad_slow": "{n} hamlets guided on fewer than half the period's days, short of one "
    "household a day: {names}.",
    "op_bad_no_checks": "No random spot-checks were made in the period.",
    "op_bad_failed": "{n} spot-checks failed, in: {names}.",
    "op_bad_excluded": "Because of failed spot-checks, {hamlets} hamlets and {people} people who "
    "met the figures are not proposed for an award.",
    "op_bad_contact": "{unreachable} households could not be reached and {wrong} had a wrong "
    "phone number: the evidence needs completing.",
    "op_bad_nothing": "The period's figures show no shortcoming; add any: ……",
    "op_checks_summary": "{called} households in {hamlets} hamlets were phoned at random: "
    "{confirmed} confirmed; {failed} failed; {wrong} wrong numbers; "
    "{unreachable} unreachable; {overturned} failures reviewed and "
    "overturned.",
    "op_checks_none": "No household was phoned for a spot-check in the period.",
    "op_note_required": "“Needed”: procedures each household needs for the special prize – "
    "hamlets of {large} households or more: {large_n}; below {large}: "
    "{small_n}. “Meeting it”: households guided through that many.",
    "op_note_roster": "*: total from the hamlet's household list imported into the system; "
    "other hamlets use the configured figure.",
    "op_note_days": "“Days with guidance”: days with at least one entry over the period's days.",
    "op_note_wrong": "Wrong numbers are counted apart and do not fail a check.",
    "op_note_wrong_fails": "Wrong numbers are counted apart and fail a check: the evidence was "
    "wrong.",
    # --- table columns ---
    "op_col_no": "No.",
    "op_col_hamlet": "Hamlet",
    "op_col_total": "Total",
    "op_col_guided": "Guided",
    "op_col_coverage": "Share",
    "op_col_required": "Needed",
    "op_col_special": "Meeting it",
    "op_col_entries": "Entries",
    "op_col_days": "Days with guidance",
    "op_col_zone": "Total",
    "op_col_called": "Phoned",
    "op_col_confirmed": "Confirmed",
    "op_col_failed": "Failed",
    "op_col_wrong": "Wrong number",
    "op_col_unreachable": "Unreachable",
    "op_col_overturned": "Failures overturned",
    "op_col_collective": "Collective",
    "op_col_passed": "Checks passed/ phoned",
    "op_col_rank": "Rank",
    "op_col_special_share": "Share meeting it",
    "op_col_name": "Full name",
    "op_col_households": "Households guided",
    "op_col_active_days": "Days with guidance",
    "op_col_collective_name": "Collective",
    "op_col_unit": "Unit",
    # --- the submission ---
    "op_submission_title": "SUBMISSION",
    "op_submission_subject": "Proposing awards for collectives and individuals with outstanding "
    "results in the emulation movement “{campaign}”, {review}",
    "op_submission_intro": "The culture & society office, standing body of the {council}, asks "
    "the council to review and propose to the chair of the People's "
    "Committee awards for the collectives and individuals with "
    "outstanding results in the {review} of the movement, as follows:",
    "op_submission_h_results": "I. RESULTS OF THE MOVEMENT",
    "op_submission_results": "From {start} to {end}, the hamlets guided {guided}/{total} "
    "households through online public services, {pct}; {met}/{of} "
    "hamlets reached {threshold} or more. Details are in the office's "
    "report.",
    "op_submission_h_rules": "II. AWARD CRITERIA",
    "op_rule_collective": "Collectives, at most {cap}: hamlets with {pct} of households or more "
    "guided, no failed spot-check; ranked by {order}.",
    "op_rule_special": "Special prizes, at most {cap} hamlets: every household guided through "
    "the required procedures – hamlets of {large} households or more: "
    "{large_n}, below {large}: {small_n}; no failed spot-check; ranked by "
    "{order}.",
    "op_rule_individual": "Individuals, at most {cap}: guided households in the period, no "
    "failed spot-check; ranked by {order}.",
    "op_submission_h_list": "III. PROPOSED AWARDS",
    "op_list_collective": "1. Collective awards: {n}, at most {cap}",
    "op_list_special": "2. Special prizes: {n} hamlets, at most {cap}",
    "op_list_individual": "3. Individual awards: {n}, at most {cap}",
    "op_list_intro_collective": "Proposed for a certificate of merit of the chair of the "
    "People's Committee, {n} collectives:",
    "op_list_intro_special": "Proposed for a special prize, {n} hamlets:",
    "op_list_intro_individual": "Proposed for a certificate of merit of the chair of the "
    "People's Committee, {n} individuals:",
    "op_none_collective": "No collective meets the criteria.",
    "op_none_special": "No hamlet meets the special prize's condition.",
    "op_none_individual": "No individual meets the criteria.",
    "op_note_passed": "“Checks passed/phoned”: households that confirmed, failures overturned "
    "included, over households phoned with an outcome; an unreachable "
    "household does not fail a check.",
    "op_tied": "Tied at rank {rank} for {seats} remaining places, the council to choose among {n}:",
    "op_submission_h_excluded": "IV. NOT PROPOSED",
    "op_excluded": "{who} meets the figures for the {what} but has {n} failed spot-checks, "
    "checks {checks}, and is not proposed.",
    "op_person_of": "{name} ({hamlet})",
    "op_what_collective": "collective award",
    "op_what_special": "special prize",
    "op_what_individual": "individual award",
    "op_submission_attachments": "Attached:",
    "op_submission_attached": "The office's report on the {review};\nThe draft award decision "
    "with its annexed list;\nThe hamlets' award dossiers: submission, "
    "minutes of the review meeting, evidence list.",
    "op_submission_closing": "The culture & society office submits this to the {council} for "
    "decision./.",
    # --- the decision and its annex ---
    "op_decision_title": "DECISION",
    "op_decision_subject": "On awards for collectives and individuals with outstanding results "
    "in the emulation movement “{campaign}”, {review}",
    "op_decision_authority": "Chairperson of the People's Committee of {unit}",
    "op_decision_decides": "DECIDES:",
    "op_article": "Article {n}.",
    "op_count_collectives": "{n} collectives",
    "op_count_people": "{n} individuals",
    "op_and": " and ",
    "op_decision_article1": "To award the chair's certificate of merit to {what} with "
    "outstanding results in the emulation movement “{campaign}”, "
    "{review}, as listed in the annex.",
    "op_decision_article1_special": "To give {n} special prizes to the hamlets with outstanding "
    "results in guiding households through online public "
    "services at home, as listed in the annex.",
    "op_decision_nobody": "To award the chair's certificate of merit to ……",
    "op_decision_article2": "The awards are funded under Government Decree No. 152/2025/NĐ-CP "
    "of 14 June 2025, from the zone's emulation and reward fund.",
    "op_decision_article3": "This decision takes effect on signing. The head of the office of "
    "the People's Council and People's Committee, the head of the "
    "culture & society office, the hamlet boards, the bodies concerned "
    "and the collectives and individuals in Article 1 implement it./.",
    "op_annex_title": "LIST",
    "op_annex_subject": "Collectives and individuals awarded in the emulation movement "
    "“{campaign}”, {review}",
    "op_annex_attached": "(Annexed to Decision No. ……/QĐ-UBND of …… {year} of the Chairperson "
    "of the People's Committee of {unit})",
    "op_annex_h_collective": "I. COLLECTIVES: {n}",
    "op_annex_h_individual": "II. INDIVIDUALS: {n}",
    "op_annex_h_special": "III. SPECIAL PRIZES: {n} hamlets",
    "op_annex_none": "None.",
    "op_annex_tied": "Draft note: {seats} places remain for the council to fill from {n} tied "
    "candidates: {names}.",
    "op_annex_total_plain": "The list has {collectives} collectives and {people} individuals./.",
    "op_annex_total": "The list holds {collectives} collectives, {people} individuals and "
    "{specials} special prizes./.",
    "op_collective_name": "Hamlet board of {hamlet}",
}
