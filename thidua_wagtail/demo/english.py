"""English for the demo content, keyed by the Vietnamese source string (a wagtail-localize segment).

People's names are not translated. Slugs are made from the English titles by ``translate.fill_po``.
"""

from ..awards import english_names

ENGLISH = english_names()

ENGLISH.update({
    # Units
    "Ban Giám đốc Sở": "Board of Directors",
    "BGĐ": "BoD",
    "Văn phòng Sở": "Department Office",
    "VP": "Office",
    "Thanh tra Sở": "Department Inspectorate",
    "TTra": "Insp.",
    "Phòng Kế hoạch - Tài chính": "Planning and Finance Division",
    "KHTC": "P&F",
    "Phòng Quản lý khoa học": "Science Management Division",
    "QLKH": "SMD",
    "Phòng Quản lý công nghệ và Thị trường công nghệ": "Technology and Technology Market Management Division",
    "QLCN": "TMD",
    "Chi cục Tiêu chuẩn Đo lường Chất lượng": "Sub-department of Standards, Metrology and Quality",
    "CCTĐC": "SMQ",
    "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ": "Centre for Application of Scientific and Technological Advances",
    "TTƯD": "Centre",
    "Phòng Thử nghiệm": "Testing Laboratory",
    "PTN": "Lab",
    # Documents
    "Tuyên truyền, phổ biến, quán triệt thực hiện Đại hội Thi đua yêu nước tỉnh lần thứ V":
        "Communicating, disseminating and implementing the 5th Provincial Patriotic Emulation Congress",
    "Thái Nguyên": "Thai Nguyen",
    "Sở Khoa học và Công nghệ tỉnh Thái Nguyên": "Thai Nguyen Department of Science and Technology",
    "KT. GIÁM ĐỐC<br/>PHÓ GIÁM ĐỐC": "FOR THE DIRECTOR<br/>DEPUTY DIRECTOR",
    "Thực hiện Kế hoạch số 109/KH-UBND ngày 06/8/2019 của Ủy ban nhân dân tỉnh Thái Nguyên tổ chức Đại hội Thi đua "
    "yêu nước các cấp tiến tới Đại hội Thi đua yêu nước toàn quốc lần thứ X. Sở Khoa học và Công nghệ xây dựng Kế "
    "hoạch Đại hội Thi đua yêu nước tỉnh lần thứ V, với nội dung cụ thể như sau:":
        "Implementing Plan No. 109/KH-UBND of 6 August 2019 of the Thai Nguyen Provincial People's Committee on "
        "holding patriotic emulation congresses at all levels towards the 10th National Patriotic Emulation Congress, "
        "the Department of Science and Technology issues its plan for the 5th Provincial Patriotic Emulation "
        "Congress, as follows:",
    "Lãnh đạo Sở<br/>Các phòng, đơn vị thuộc Sở<br/>Lưu: VT, VP":
        "Department leaders<br/>Divisions and units of the Department<br/>Archived: Records, Office",
    "Tổ chức Đại hội Thi đua yêu nước các cấp tiến tới Đại hội Thi đua yêu nước toàn quốc lần thứ X":
        "Holding patriotic emulation congresses at all levels towards the 10th National Patriotic Emulation Congress",
    "Ủy ban nhân dân tỉnh Thái Nguyên": "Thai Nguyen Provincial People's Committee",
    "Thành phố Thái Nguyên, tỉnh Thái Nguyên": "Thai Nguyen City, Thai Nguyen Province",
    "Trang thông tin thi đua, khen thưởng (nội dung minh họa).":
        "Emulation and commendation portal (demonstration content).",
    "Lãnh đạo, điều hành toàn bộ hoạt động của Sở.": "Leads and directs all the Department's work.",
    "Giám đốc Sở": "Director",
    "Tham mưu tổng hợp, hành chính, văn thư, thi đua, khen thưởng của Sở.":
        "Advises on general affairs, administration, records, emulation and commendation.",
    "Chánh Văn phòng": "Chief of Office",
    "Thanh tra hành chính và thanh tra chuyên ngành khoa học và công nghệ.":
        "Administrative inspection and specialised inspection of science and technology.",
    "Chánh Thanh tra": "Chief Inspector",
    "Tham mưu kế hoạch, ngân sách và tài sản của Sở.": "Advises on the Department's plans, budget and assets.",
    "Trưởng phòng": "Head of Division",
    "Quản lý nhiệm vụ khoa học và công nghệ các cấp.": "Manages science and technology tasks at every level.",
    "Ứng dụng, chuyển giao tiến bộ khoa học và công nghệ vào sản xuất và đời sống.":
        "Applies and transfers scientific and technological advances to production and daily life.",
    "Giám đốc Trung tâm": "Director of the Centre",
    "Sở Khoa học và Công nghệ là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, tham mưu, giúp Ủy ban nhân dân tỉnh "
    "quản lý nhà nước về khoa học và công nghệ.":
        "The Department of Science and Technology is a specialised agency of the Provincial People's Committee; it "
        "advises and assists the Committee in the state management of science and technology.",
    "Sở có tư cách pháp nhân, có con dấu và tài khoản riêng; chịu sự chỉ đạo, quản lý về tổ chức, biên chế và công "
    "tác của Ủy ban nhân dân tỉnh.":
        "The Department is a legal entity with its own seal and account; its organisation, staffing and work are "
        "directed and managed by the Provincial People's Committee.",
    "Sở tổ chức các phong trào thi đua và công tác khen thưởng trong ngành theo Luật Thi đua, khen thưởng.":
        "The Department organises emulation movements and commendation in its sector under the Law on Emulation "
        "and Commendation.",
    "Thi đua, khen thưởng": "Emulation and commendation",
    "Các mốc thực hiện": "Milestones",
    "Nội dung": "Activity",
    "Thời gian": "When",
    "Phát động phong trào trong toàn Sở": "Launch of the movement across the Department",
    "Tháng 9/2019": "September 2019",
    "Sơ kết, biểu dương điển hình tiên tiến": "Mid-term review and recognition of exemplary cases",
    "Tháng 12/2019": "December 2019",
    "Tổng kết, đề nghị khen thưởng": "Final review and proposals for commendation",
    "Tháng 10/2020": "October 2020",
    # Home and section pages
    "Trang chủ": "Home",
    "Phong trào thi đua": "Emulation campaigns",
    "Các phong trào thi đua yêu nước do Sở phát động và tham gia.":
        "The patriotic emulation campaigns the Department launches and takes part in.",
    "Điển hình tiên tiến": "Exemplary profiles",
    "Những tập thể, cá nhân tiêu biểu được phát hiện, bồi dưỡng và nhân rộng.":
        "Outstanding collectives and individuals, discovered, nurtured and held up as examples.",
    "Tin thi đua, khen thưởng": "Emulation and commendation news",
    "Đề cử điển hình tiên tiến": "Nominate an exemplary case",
    "Thống kê thi đua, khen thưởng": "Emulation and commendation statistics",
    "Số liệu từ các hồ sơ điển hình tiên tiến đã công bố trên trang.":
        "Figures from the exemplary profiles published on this site.",
    "Kế hoạch 60/KH-KHCN giao các phòng, đơn vị phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến. "
    "Bạn biết một cá nhân hay tập thể có thành tích tiêu biểu? Hãy giới thiệu với Văn phòng Sở.":
        "Plan 60/KH-KHCN asks divisions and units to discover, nurture and replicate exemplary cases. "
        "Do you know a person or a collective with outstanding achievements? Tell the Department's Office.",
    "Thông tin cá nhân trong đề cử chỉ được Văn phòng Sở dùng để xem xét đề cử và liên hệ với người "
    "gửi, theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.":
        "The personal data in a nomination is used by the Department's Office only to review the nomination "
        "and to contact the sender, under Decree 13/2023/ND-CP on personal data protection.",
    "Cảm ơn bạn. Văn phòng Sở đã nhận đề cử và sẽ xem xét trong thời gian sớm nhất.":
        "Thank you. The Department's Office has received your nomination and will review it soon.",
    # The campaign of the plan
    "Sở Khoa học và Công nghệ": "Department of Science and Technology",
    "Thi đua yêu nước, lập thành tích chào mừng Đại hội": "Emulate patriotically, achieve in honour of the Congress",
    "Tuyên truyền, phổ biến, quán triệt thực hiện Đại hội Thi đua yêu nước tỉnh Thái Nguyên lần thứ V trong công "
    "chức, viên chức và người lao động của Sở (Kế hoạch số 60/KH-KHCN).":
        "Communicating, disseminating and implementing the 5th Thai Nguyen Provincial Patriotic Emulation Congress "
        "among the Department's civil servants, public employees and workers (Plan No. 60/KH-KHCN).",
    "Phát huy tinh thần chủ động sáng tạo của mỗi cá nhân, tập thể, tạo khí thế thi đua sôi nổi trong tất cả công "
    "chức, viên chức và người lao động trong cơ quan; nỗ lực phấn đấu hoàn thành xuất sắc nhiệm vụ được giao, góp "
    "phần thực hiện các nhiệm vụ chính trị, phát triển kinh tế - xã hội, đề ra phương hướng, nhiệm vụ đẩy mạnh phong "
    "trào thi đua và thực hiện công tác khen thưởng.":
        "Foster the initiative and creativity of every individual and collective and a lively spirit of emulation "
        "among all civil servants, public employees and workers of the agency; strive to complete assigned tasks "
        "with excellence, contributing to political, economic and social tasks, and set directions and tasks to "
        "strengthen emulation and commendation work.",
    "Thông qua phong trào thi đua để rèn luyện nâng cao nhận thức về chính trị tư tưởng, trình độ, năng lực chuyên "
    "môn nghiệp vụ, tu dưỡng về phẩm chất đạo đức, tinh thần trách nhiệm của mỗi công chức, viên chức và người lao "
    "động.":
        "Use the emulation movement to raise every civil servant's, public employee's and worker's political "
        "awareness, professional skills and competence, ethical qualities and sense of responsibility.",
    "Chú trọng xây dựng, nhân rộng điển hình tiên tiến có thành tích tiêu biểu, xuất sắc; biểu dương, khen thưởng "
    "kịp thời tạo sự lan tỏa trong phong trào thi đua.":
        "Focus on building and replicating exemplary cases with outstanding achievements; praise and reward them "
        "promptly so that their example spreads through the movement.",
    "Phong trào thi đua phải được phát động và thực hiện sâu rộng, thu hút đông đảo công chức, viên chức và người "
    "lao động tham gia thường xuyên, liên tục tạo sự chuyển biến mạnh mẽ về chất lượng.":
        "The emulation movement must be launched and carried out widely, drawing civil servants, public employees "
        "and workers to take part regularly and continuously, and bring about a strong change in quality.",
    "Nội dung, hình thức phát động phù hợp điều kiện mỗi phòng chuyên môn, đơn vị thuộc Sở. Kết hợp chặt chẽ giữa "
    "phong trào thi đua hằng năm với các phong trào thi đua theo chuyên đề do UBND tỉnh phát động.":
        "Its content and form suit the conditions of each division and unit of the Department, closely combining "
        "the annual emulation movement with the thematic movements launched by the Provincial People's Committee.",
    "Tuyên truyền về chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước, tư tưởng Hồ Chí Minh về thi "
    "đua yêu nước; tuyên truyền về Đại hội thi đua, biểu dương ghi nhận những thành quả của phong trào thi đua yêu "
    "nước trên các lĩnh vực của đời sống xã hội, góp phần phát triển kinh tế, xã hội, bảo đảm quốc phòng, an ninh của "
    "tỉnh; mở rộng nhiều hình thức tuyên truyền, biểu dương các điển hình tiên tiến, các nhân tố mới, gương người tốt, "
    "việc tốt, tạo không khí sôi nổi, chào mừng các ngày kỷ niệm lớn trong năm 2019 và 2020, chào mừng Đại hội Đảng "
    "toàn quốc lần thứ XIII, Đại hội Thi đua yêu nước toàn quốc lần thứ X, và Đại hội Đảng bộ tỉnh Thái Nguyên lần "
    "thứ XX, Đại hội Thi đua yêu nước tỉnh Thái Nguyên lần thứ V, bằng nhiều hình thức:":
        "Communicate the Party's guidelines, the State's policies and laws and Ho Chi Minh's thought on patriotic "
        "emulation; communicate about the Emulation Congress and recognise the results of the patriotic emulation "
        "movement in every field of social life, contributing to the province's economic and social development, "
        "defence and security; widen the ways of communicating and honouring exemplary cases, new factors and good "
        "people and deeds, creating a lively atmosphere to celebrate the major anniversaries of 2019 and 2020, the "
        "13th National Party Congress, the 10th National Patriotic Emulation Congress, the 20th Thai Nguyen "
        "Provincial Party Congress and the 5th Thai Nguyen Provincial Patriotic Emulation Congress, in many ways:",
    "Thông qua các cuộc họp giao ban, hội nghị, các lớp bồi dưỡng.":
        "Through briefings, conferences and training courses.",
    'Tuyên truyền trên trang thông tin điện tử của Sở tại địa chỉ <a id="a1">http://www.dosttn.gov.vn</a>':
        'On the Department\'s website at <a id="a1">http://www.dosttn.gov.vn</a>',
    "Phát động phong trào gắn với học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, nhằm tạo sự đoàn "
    "kết, đồng thuận, phát huy sức mạnh của cả hệ thống chính trị và toàn xã hội, phấn đấu thực hiện thắng lợi nhiệm "
    "vụ phát triển kinh tế - xã hội, đi đôi với thực hành tiết kiệm, chống tham nhũng, lãng phí; bảo đảm an sinh xã "
    "hội, giảm nghèo bền vững, phòng chống thiên tai, dịch bệnh, giảm thiểu tai nạn giao thông, giữ vững ổn định "
    "chính trị, bảo đảm an ninh trật tự, an toàn xã hội, xây dựng bộ máy vững mạnh.":
        "Launch the movement together with studying and following Ho Chi Minh's thought, ethics and style, to build "
        "unity and consensus and bring out the strength of the whole political system and society; strive to "
        "fulfil the economic and social development tasks while practising thrift and fighting corruption and "
        "waste; ensure social security, sustainable poverty reduction, disaster and epidemic prevention, fewer "
        "traffic accidents, political stability, public order and social safety, and a strong apparatus.",
    "Tiếp tục thực hiện có hiệu quả phong trào thi đua thường xuyên và các phong trào thi đua theo chuyên đề, thi đua "
    "theo đợt, đặc biệt là: “<i>Thái Nguyên chung tay vì người nghèo, không để ai bị bỏ lại phía sau</i>”, “<i>Cán "
    "bộ, công chức, viên chức thi đua thực hiện văn hóa công sở</i>”; “<i>Thái Nguyên chung sức xây dựng nông thôn "
    "mới</i>”.":
        "Continue to carry out the regular emulation movement and the thematic and phased movements effectively, "
        "in particular: “<i>Thai Nguyen joins hands for the poor, leaving no one behind</i>”, “<i>Cadres, civil "
        "servants and public employees emulate in office culture</i>”; “<i>Thai Nguyen joins forces to build new "
        "rural areas</i>”.",
    "Tiếp tục quán triệt, tổ chức thực hiện tốt Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi hành, nâng "
    "cao nhận thức và tinh thần trách nhiệm chấp hành tốt các chính sách, pháp luật về thi đua, khen thưởng. Tiếp tục "
    "nghiên cứu, hoàn thiện các văn bản quy phạm pháp luật về thi đua, khen thưởng.":
        "Continue to implement the Law on Emulation and Commendation and its guiding documents well, raising "
        "awareness of and responsibility for complying with the policies and laws on emulation and commendation; "
        "continue to study and improve the legal documents on emulation and commendation.",
    "Xây dựng và nhân rộng điển hình tiên tiến, mô hình điểm ở các phòng, đơn vị theo từng phong trào, đối tượng thi "
    "đua được quan chú, tập thể suy tôn để biểu dương, tôn vinh kịp thời và đề nghị các hình thức khen thưởng phù hợp, "
    "xứng đáng.":
        "Build and replicate exemplary cases and pilot models in the divisions and units for each movement and "
        "group, acclaimed by their colleagues, so that they are praised and honoured promptly and proposed for "
        "fitting and deserved forms of commendation.",
    "Tập trung thực hiện tốt công tác phát hiện, bồi dưỡng, tổng kết và nhân rộng các điển hình tiên tiến.":
        "Focus on discovering, nurturing, reviewing and replicating exemplary cases.",
    "Giao Văn phòng Sở có trách nhiệm theo dõi, đôn đốc triển khai, thực hiện các nội dung của Kế hoạch.":
        "The Department Office is tasked with monitoring and urging the implementation of the contents of the Plan.",
    "Các phòng, các đơn vị trực thuộc Sở": "The divisions and units of the Department",
    "Các phòng, các đơn vị trực thuộc Sở tổ chức thực hiện nghiêm túc các nội dung của Kế hoạch.":
        "The divisions and units of the Department carry out the contents of the Plan rigorously.",
    "Trên đây là Kế hoạch tuyên truyền, phổ biến, quán triệt Đại hội Thi đua yêu nước tỉnh lần thứ V của Sở Khoa học "
    "và Công nghệ./.":
        "This is the Department of Science and Technology's plan for communicating, disseminating and implementing "
        "the 5th Provincial Patriotic Emulation Congress./.",
    # The movements and other campaigns
    "Thái Nguyên chung tay vì người nghèo, không để ai bị bỏ lại phía sau":
        "Thai Nguyen joins hands for the poor, leaving no one behind",
    "Không để ai bị bỏ lại phía sau": "Leave no one behind",
    "Phong trào thi đua thường xuyên huy động mọi nguồn lực chung tay giảm nghèo bền vững, bảo đảm an sinh xã hội trên "
    "địa bàn tỉnh.":
        "A regular emulation movement mobilising every resource for sustainable poverty reduction and social "
        "security in the province.",
    "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở":
        "Cadres, civil servants and public employees emulate in office culture",
    "Thủ tướng Chính phủ": "The Prime Minister",
    "Chuẩn mực, chuyên nghiệp, tận tụy": "Exemplary, professional, dedicated",
    "Phong trào thi đua giai đoạn 2019–2025 xây dựng phong cách ứng xử chuẩn mực, chuyên nghiệp của cán bộ, công "
    "chức, viên chức tại công sở.":
        "An emulation movement for 2019–2025 building exemplary, professional conduct of cadres, civil servants and "
        "public employees at work.",
    "Thái Nguyên chung sức xây dựng nông thôn mới": "Thai Nguyen joins forces to build new rural areas",
    "Phong trào thi đua thường xuyên chung sức xây dựng nông thôn mới, trong đó ngành khoa học và công nghệ chuyển "
    "giao tiến bộ kỹ thuật cho sản xuất nông nghiệp.":
        "A regular emulation movement to build new rural areas together, in which the science and technology sector "
        "transfers technical advances to farming.",
    "Phong trào thi đua thực hiện nhiệm vụ khoa học và công nghệ năm 2026":
        "Emulation movement for the 2026 science and technology tasks",
    "Đổi mới sáng tạo vì sự phát triển của tỉnh": "Innovation for the province's development",
    "Phong trào thi đua thường xuyên năm 2026 của công chức, viên chức và người lao động trong các phòng, đơn vị "
    "thuộc Sở.":
        "The 2026 regular emulation movement of the civil servants, public employees and workers of the "
        "Department's divisions and units.",
    "Thi đua lập thành tích chào mừng Ngày Khoa học và Công nghệ Việt Nam 18/5/2027":
        "Emulation in honour of Vietnam Science and Technology Day, 18 May 2027",
    "Đợt thi đua cao điểm chào mừng Ngày Khoa học và Công nghệ Việt Nam.":
        "A peak emulation phase in honour of Vietnam Science and Technology Day.",
    # Profiles (names stay as they are)
    "Nguyễn Thị Thu Hà": "Nguyễn Thị Thu Hà",
    "Trần Văn Minh": "Trần Văn Minh",
    "Lê Thị Hồng": "Lê Thị Hồng",
    "Hoàng Đức Thắng": "Hoàng Đức Thắng",
    "Hoàng Thị Mai": "Hoàng Thị Mai",
    "Đặng Văn Quý": "Đặng Văn Quý",
    "Vũ Văn Hải": "Vũ Văn Hải",
    "Chuyên viên": "Specialist",
    "Phó Giám đốc Trung tâm": "Deputy Director of the Centre",
    "Kế toán viên": "Accountant",
    "Kiểm định viên": "Verification officer",
    "Chủ trì tham mưu quản lý 12 nhiệm vụ khoa học cấp tỉnh, đề xuất quy trình xét duyệt hồ sơ trực tuyến rút ngắn "
    "một nửa thời gian thẩm định.":
        "Led the management of 12 provincial science projects and proposed an online review procedure that halved "
        "appraisal time.",
    "Chị Hà gắn bó với công tác quản lý khoa học từ năm 2012. Với tinh thần trách nhiệm và sự tận tụy, chị luôn hoàn "
    "thành xuất sắc nhiệm vụ được giao và là tấm gương về thực hiện văn hóa công sở.":
        "Ms Hà has worked in science management since 2012. Responsible and dedicated, she always completes her "
        "tasks with excellence and is an example of office culture.",
    "Giám đốc Sở Khoa học và Công nghệ": "Director of the Department of Science and Technology",
    "Chủ tịch UBND tỉnh Thái Nguyên": "Chairman of the Thai Nguyen Provincial People's Committee",
    "Chủ tịch nước": "President of the State",
    "Quyết định khen thưởng": "Commendation decision",
    "Quyết định hủy bỏ quyết định khen thưởng": "Decision revoking a commendation",
    "Hủy bỏ Bằng khen đã tặng ông Vũ Văn Hải do hồ sơ đề nghị khen thưởng không trung thực.":
        "Revokes the Certificate of Merit conferred on Mr Vũ Văn Hải, whose nomination file was found untruthful.",
    "Chuyển giao thành công quy trình nhân giống chè chất lượng cao cho 5 xã xây dựng nông thôn mới, giúp hàng trăm "
    "hộ tăng thu nhập.":
        "Transferred a high-quality tea propagation process to 5 communes building new rural areas, raising the "
        "income of hundreds of households.",
    "Anh Minh cùng đồng nghiệp bám cơ sở, hướng dẫn bà con áp dụng tiến bộ kỹ thuật vào sản xuất, góp phần vào phong "
    "trào Thái Nguyên chung sức xây dựng nông thôn mới.":
        "Mr Minh and his colleagues work in the field, helping farmers apply technical advances, as part of the "
        "movement Thai Nguyen joins forces to build new rural areas.",
    "Bộ trưởng Bộ Khoa học và Công nghệ": "Minister of Science and Technology",
    "Thực hành tiết kiệm, công khai minh bạch tài chính; vận động quyên góp ủng hộ Quỹ Vì người nghèo của tỉnh.":
        "Practises thrift and financial transparency; organised donations to the province's Fund for the Poor.",
    "Chị Hồng là người tích cực trong các hoạt động thiện nguyện của cơ quan.":
        "Ms Hồng is active in the agency's charitable work.",
    "Hoàn thành vượt kế hoạch kiểm định phương tiện đo, không để xảy ra sai sót; có sáng kiến quản lý hồ sơ kiểm "
    "định điện tử.":
        "Exceeded the plan for verifying measuring instruments without error; devised electronic verification "
        "records.",
    "Sáng kiến của anh Thắng được áp dụng trong toàn Chi cục từ năm 2025.":
        "Mr Thắng's initiative has been used throughout the Sub-department since 2025.",
    "Tập thể đoàn kết, hoàn thành xuất sắc nhiệm vụ năm 2019 và 2020; tham mưu tổ chức thành công Đại hội Thi đua yêu "
    "nước của Sở.":
        "A united team that completed its 2019 and 2020 tasks with excellence and organised the Department's "
        "Patriotic Emulation Congress.",
    "Phòng luôn đi đầu trong việc tuyên truyền, phổ biến Luật Thi đua, khen thưởng tới công chức, viên chức.":
        "The division leads in explaining the Law on Emulation and Commendation to civil servants and public "
        "employees.",
    "Đơn vị dẫn đầu khối thi đua; chuyển giao 8 mô hình ứng dụng khoa học và công nghệ cho các xã xây dựng nông thôn "
    "mới.":
        "Leader of its emulation group; transferred 8 science and technology models to communes building new rural "
        "areas.",
    "Trung tâm đã xây dựng nhiều mô hình điểm được nhân rộng trên địa bàn tỉnh.":
        "The Centre has built many pilot models replicated across the province.",
    # News
    "Sở Khoa học và Công nghệ ban hành Kế hoạch tuyên truyền Đại hội Thi đua yêu nước tỉnh lần thứ V":
        "Department of Science and Technology issues its plan to communicate the 5th Provincial Patriotic "
        "Emulation Congress",
    "Kế hoạch số 60/KH-KHCN đề ra mục đích, yêu cầu, nội dung tuyên truyền và giao nhiệm vụ cho các phòng, đơn vị "
    "thuộc Sở.":
        "Plan No. 60/KH-KHCN sets out the purposes, requirements and content of the communication work and assigns "
        "tasks to the Department's divisions and units.",
    "Ngày 26/8/2019, Sở Khoa học và Công nghệ ban hành Kế hoạch số 60/KH-KHCN về tuyên truyền, phổ biến, quán triệt "
    "thực hiện Đại hội Thi đua yêu nước tỉnh lần thứ V, thực hiện Kế hoạch số 109/KH-UBND ngày 06/8/2019 của Ủy ban "
    "nhân dân tỉnh.":
        "On 26 August 2019 the Department of Science and Technology issued Plan No. 60/KH-KHCN on communicating, "
        "disseminating and implementing the 5th Provincial Patriotic Emulation Congress, implementing Plan No. "
        "109/KH-UBND of 6 August 2019 of the Provincial People's Committee.",
    "Biểu dương điển hình tiên tiến trong phong trào thi đua yêu nước":
        "Exemplary cases of the patriotic emulation movement honoured",
    "Sở tổ chức biểu dương các tập thể, cá nhân tiêu biểu, xuất sắc giai đoạn 2015–2020.":
        "The Department honoured outstanding collectives and individuals of 2015–2020.",
    "Tại hội nghị, Giám đốc Sở đã trao khen thưởng cho các tập thể và cá nhân có thành tích xuất sắc, tiêu biểu là "
    "Phòng Quản lý khoa học và chuyên viên Nguyễn Thị Thu Hà.":
        "At the conference the Director presented awards to collectives and individuals with outstanding "
        "achievements, among them the Science Management Division and specialist Nguyễn Thị Thu Hà.",
    "Chuyển giao tiến bộ kỹ thuật giúp nông dân xây dựng nông thôn mới":
        "Technical advances help farmers build new rural areas",
    "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ chuyển giao quy trình nhân giống chè cho bà con các xã.":
        "The Centre for Application of Scientific and Technological Advances transferred a tea propagation process "
        "to farmers in the communes.",
    "Các mô hình do Trung tâm xây dựng đã giúp nhiều hộ nông dân nâng cao năng suất, chất lượng sản phẩm.":
        "The Centre's models have helped many farming households raise their yields and product quality.",
    "Công chức, viên chức của Sở hưởng ứng phong trào thực hiện văn hóa công sở":
        "The Department's staff take up the office culture movement",
    "Các phòng, đơn vị ký cam kết thực hiện văn hóa công sở, xây dựng môi trường làm việc chuyên nghiệp.":
        "Divisions and units signed commitments to office culture and a professional working environment.",
    "Phong trào được triển khai sâu rộng tới toàn thể công chức, viên chức và người lao động của Sở.":
        "The movement reaches all of the Department's civil servants, public employees and workers.",
    "Phát động phong trào thi đua thực hiện nhiệm vụ khoa học và công nghệ năm 2026":
        "Emulation movement for the 2026 science and technology tasks launched",
    "Sở phát động phong trào thi đua năm 2026 với chủ đề đổi mới sáng tạo vì sự phát triển của tỉnh.":
        "The Department launched its 2026 emulation movement on the theme of innovation for the province's "
        "development.",
    "Các phòng, đơn vị đăng ký danh hiệu thi đua và xây dựng kế hoạch thực hiện ngay từ đầu năm.":
        "Divisions and units registered for emulation titles and drew up their plans at the start of the year.",
})

ENGLISH.update({
    # Public consultation on nominees
    "Lấy ý kiến Nhân dân": "Public consultation",
    "Sở công khai các trường hợp đề nghị tặng huân chương, danh hiệu vinh dự Nhà nước để lấy ý kiến Nhân dân trước khi "
    "Hội đồng Thi đua - Khen thưởng xét.":
        "The Department publishes its nominees for orders and state honorary titles for public comment before the "
        "Emulation and Commendation Council considers them.",
    "Lấy ý kiến Nhân dân đối với trường hợp đề nghị tặng Huân chương Lao động năm 2025":
        "Public consultation on the 2025 nominee for the Labour Order",
    "Sở Khoa học và Công nghệ công khai trường hợp đề nghị Chủ tịch nước tặng Huân chương Lao động hạng Ba để lấy ý kiến "
    "Nhân dân.":
        "The Department of Science and Technology publishes its nominee for the Labour Order, Third Class, to be "
        "conferred by the President, for public comment.",
    "Khoản 1 Điều 46 Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết thi hành một số điều của "
    "Luật Thi đua, khen thưởng; khoản 3 Điều 60 Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ.":
        "Article 46(1) of Government Decree 98/2023/NĐ-CP of 31 December 2023 detailing the Law on Emulation and "
        "Commendation; Article 60(3) of Government Decree 152/2025/NĐ-CP of 14 June 2025.",
    "Ý kiến cũng có thể gửi bằng văn bản về Văn phòng Sở Khoa học và Công nghệ tỉnh Thái Nguyên hoặc thư điện tử "
    "thidua@example.org.":
        "Comments may also be sent in writing to the Office of the Thai Nguyen Department of Science and Technology "
        "or by e-mail to thidua@example.org.",
    "Họ tên và thông tin liên hệ chỉ dùng để Văn phòng Sở liên hệ về ý kiến của bạn; ý kiến được tổng hợp báo cáo Hội "
    "đồng Thi đua - Khen thưởng và không công bố.":
        "Your name and contact details are used only for the Department's Office to reach you about your comment; "
        "comments are summarised for the Emulation and Commendation Council and not published.",
    "Chủ trì chuyển giao quy trình nhân giống chè chất lượng cao cho 5 xã; 3 năm liền đạt danh hiệu Chiến sĩ thi đua "
    "cấp tỉnh.":
        "Led the transfer of a high-quality tea propagation process to 5 communes; Provincial Emulation Fighter three "
        "years running.",
    "Lấy ý kiến Nhân dân đối với trường hợp đề nghị xét tặng Giải thưởng Nhà nước về khoa học và công nghệ":
        "Public consultation on the nominee for the State Prize for science and technology",
    "Sở Khoa học và Công nghệ công khai các trường hợp đề nghị xét tặng Giải thưởng Nhà nước về khoa học và công nghệ để "
    "lấy ý kiến Nhân dân.":
        "The Department of Science and Technology publishes its nominees for the State Prize for science and "
        "technology for public comment.",
    "Hội đồng xét tặng giải thưởng cấp Nhà nước": "The State-level Prize Council",
    # Campaign reviews
    "Sơ kết 10 năm thực hiện phong trào": "Review of the campaign's first ten years",
    "Ngành khoa học và công nghệ đã chuyển giao 35 tiến bộ kỹ thuật cho các xã xây dựng nông thôn mới.":
        "The science and technology sector transferred 35 technical advances to communes building new rural areas.",
    "Tổng kết giai đoạn 2021 - 2025": "Final review of the 2021-2025 phase",
    "Giai đoạn 2021 - 2025, 5 xã được hỗ trợ đạt chuẩn nông thôn mới nâng cao.":
        "In 2021-2025, 5 supported communes met the advanced new rural area standard.",
    "Đồng tác giả cụm công trình số hóa quy trình xét duyệt nhiệm vụ khoa học, áp dụng tại 12 sở, ngành của tỉnh.":
        "Co-author of the works digitising the review of science tasks, in use in 12 provincial departments and "
        "agencies.",
})

# Registrations
ENGLISH.update({
    "Đăng ký thi đua": "Emulation registrations",
    "Các phòng, đơn vị thuộc Sở đăng ký danh hiệu thi đua, hình thức khen thưởng hằng năm; kết quả được cập nhật khi có "
    "quyết định khen thưởng.":
        "Each year the divisions and units of the Department register the emulation titles and forms of commendation "
        "they aim for; the results are added once the commendation decisions are issued.",
    "Hoàn thành 100% nhiệm vụ được giao đúng tiến độ; không có cá nhân vi phạm kỷ luật; tham gia đầy đủ các phong trào "
    "thi đua do Sở phát động.":
        "Complete every assigned task on schedule; no member under disciplinary action; take part in every emulation "
        "campaign the Department launches.",
    "Nguyễn Văn An": "Nguyễn Văn An",
    "Công nhận danh hiệu thi đua năm 2025": "Recognition of the 2025 emulation titles",
    "GIÁM ĐỐC": "DIRECTOR",
    "Vũ Thị Lan": "Vũ Thị Lan",
    **{f"Đăng ký thi đua năm {year} – {unit}": f"{year} emulation registration – {ENGLISH[unit]}"
       for year in (2025, 2026)
       for unit in ("Văn phòng Sở", "Thanh tra Sở", "Phòng Quản lý khoa học", "Chi cục Tiêu chuẩn Đo lường Chất lượng",
                    "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ")},
})
