"""Fill thidua_wagtail/locale/vi/LC_MESSAGES/django.po from the table below and compile the .mo.

Run after `django-admin makemessages -l vi` (see README, "Translations"). The table is the
translators' source of truth; a test fails when the catalogue has an untranslated string.
"""

from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "thidua_wagtail/locale/vi/LC_MESSAGES/django.po"

VI = {
    "Cached pages and fragments dropped (content version %(version)s).":
        "Đã bỏ các trang và đoạn trang lưu đệm (phiên bản nội dung %(version)s).",
    "The cache is kept inside each process (%(backend)s): running servers keep theirs. Use a shared cache (Redis, "
    "Memcached, database or files) for this to reach them.":
        "Bộ nhớ đệm nằm riêng trong từng tiến trình (%(backend)s): các máy chủ đang chạy vẫn giữ bộ nhớ đệm của "
        "mình. Hãy dùng bộ nhớ đệm dùng chung (Redis, Memcached, cơ sở dữ liệu hoặc tệp) để lệnh này có tác dụng.",
    "Emulation campaigns": "Thi đua, khen thưởng",
    "Heading": "Tiêu đề",
    "Level": "Cấp",
    "Heading 2": "Tiêu đề cấp 2",
    "Heading 3": "Tiêu đề cấp 3",
    "Image": "Hình ảnh",
    "Alternative text": "Văn bản thay thế",
    "Describe the image for people who cannot see it. Leave empty to use the image's title.":
        "Mô tả hình ảnh cho người không nhìn thấy được. Để trống để dùng tên của hình ảnh.",
    "Caption": "Chú thích",
    "Quote": "Trích dẫn",
    "Attribution": "Nguồn trích dẫn",
    "File": "Tệp",
    "Link text": "Nội dung liên kết",
    "Leave empty to use the file's title.": "Để trống để dùng tên của tệp.",
    "Paragraph": "Đoạn văn",
    "Content": "Nội dung",
    "Unit": "Đơn vị",
    "All units": "Tất cả đơn vị",
    "Award": "Danh hiệu, hình thức khen thưởng",
    "All awards": "Tất cả danh hiệu, hình thức khen thưởng",
    "Campaign": "Phong trào",
    "All campaigns": "Tất cả phong trào",
    "Any status": "Mọi trạng thái",
    "Ongoing": "Đang diễn ra",
    "Upcoming": "Sắp diễn ra",
    "Ended": "Đã kết thúc",
    "Status": "Trạng thái",
    "Type": "Loại",
    "Any type": "Mọi loại",
    "Year": "Năm",
    "Recipient": "Đối tượng",
    "All recipients": "Tất cả đối tượng",
    "Topic": "Chủ đề",
    "introduction": "giới thiệu",
    "campaign index": "danh sách phong trào",
    "campaign indexes": "danh sách phong trào",
    "Regular": "Thường xuyên",
    "Thematic": "Chuyên đề",
    "By phase": "Theo đợt",
    "campaign type": "loại phong trào",
    "launched by": "cơ quan phát động",
    'E.g. "Sở Khoa học và Công nghệ".': 'Ví dụ: "Sở Khoa học và Công nghệ".',
    "start date": "ngày bắt đầu",
    "end date": "ngày kết thúc",
    "May be left empty for a regular campaign.": "Có thể để trống với phong trào thi đua thường xuyên.",
    "slogan": "khẩu hiệu",
    "summary": "tóm tắt",
    "One or two sentences shown in lists and search results.":
        "Một hoặc hai câu, hiển thị trong danh sách và kết quả tìm kiếm.",
    "hero image": "ảnh đại diện",
    "purposes": "mục đích",
    "requirements": "yêu cầu",
    "content": "nội dung",
    "parent campaign": "phong trào cấp trên",
    "The campaign that this one is part of, if any.": "Phong trào mà phong trào này thuộc về (nếu có).",
    "Duration": "Thời gian",
    "Purposes and requirements": "Mục đích, yêu cầu",
    "Implementation": "Tổ chức thực hiện",
    "Responsibility": "Nhiệm vụ",
    "Documents": "Văn bản",
    "Document": "Văn bản",
    "Participating units": "Đơn vị tham gia",
    "Plan": "Kế hoạch",
    "Links": "Liên kết",
    "Promote": "Quảng bá",
    "Settings": "Cài đặt",
    "campaign": "phong trào thi đua",
    "campaigns": "phong trào thi đua",
    "The end date cannot be before the start date.": "Ngày kết thúc không được trước ngày bắt đầu.",
    "Only a regular campaign may have no end date.": "Chỉ phong trào thi đua thường xuyên mới được để trống ngày kết thúc.",
    "A campaign cannot be its own parent.": "Phong trào không thể là phong trào cấp trên của chính nó.",
    "unit": "đơn vị",
    "assignee": "nơi thực hiện",
    'Use instead of a unit for a group, e.g. "Các phòng, đơn vị thuộc Sở".':
        'Dùng thay cho đơn vị khi giao cho nhiều nơi, ví dụ: "Các phòng, đơn vị thuộc Sở".',
    "responsibility": "nhiệm vụ",
    "responsibilities": "nhiệm vụ",
    "Choose a unit or name the assignee.": "Chọn một đơn vị hoặc ghi rõ nơi thực hiện.",
    "document": "văn bản",
    "campaign document": "văn bản của phong trào",
    "campaign documents": "văn bản của phong trào",
    "participating unit": "đơn vị tham gia",
    "participating units": "đơn vị tham gia",
    "news index": "danh sách tin",
    "news indexes": "danh sách tin",
    "date": "ngày",
    "Shown in lists and search results.": "Hiển thị trong danh sách và kết quả tìm kiếm.",
    "image": "hình ảnh",
    "body": "nội dung",
    "topics": "chủ đề",
    "Exemplary profile": "Điển hình tiên tiến",
    "Related": "Liên quan",
    "Attachments": "Tệp đính kèm",
    "Attachment": "Tệp đính kèm",
    "news item": "tin",
    "news": "tin tức",
    "exemplary profile": "điển hình tiên tiến",
    "file": "tệp",
    "exemplary profile index": "danh sách điển hình tiên tiến",
    "exemplary profile indexes": "danh sách điển hình tiên tiến",
    "“%(award)s” is not awarded to %(kind)s.": "“%(award)s” không dành cho %(kind)s.",
    "Some honours do not fit this kind of recipient.": "Một số khen thưởng không phù hợp với đối tượng này.",
    "Individual": "Cá nhân",
    "Collective": "Tập thể",
    "kind": "loại",
    "photo": "ảnh",
    "position": "chức vụ",
    'Job title of an individual, e.g. "Chuyên viên".': 'Chức vụ của cá nhân, ví dụ: "Chuyên viên".',
    "year recognised": "năm được ghi nhận",
    "achievements": "thành tích",
    "A short summary of the achievements, shown in lists.": "Tóm tắt thành tích, hiển thị trong danh sách.",
    "story": "câu chuyện điển hình",
    "Name": "Tên",
    "Full name of the person or name of the collective.": "Họ và tên cá nhân hoặc tên tập thể.",
    "Honours": "Khen thưởng",
    "Honour": "Khen thưởng",
    "Campaigns": "Phong trào thi đua",
    "exemplary profiles": "điển hình tiên tiến",
    "award": "danh hiệu, hình thức khen thưởng",
    "year": "năm",
    "decision number": "số quyết định",
    'E.g. "1234/QĐ-UBND".': 'Ví dụ: "1234/QĐ-UBND".',
    "decided by": "cấp quyết định",
    'E.g. "Chủ tịch UBND tỉnh Thái Nguyên".': 'Ví dụ: "Chủ tịch UBND tỉnh Thái Nguyên".',
    "honour": "khen thưởng",
    "honours": "khen thưởng",
    "Choose a campaign.": "Chọn một phong trào.",
    "organisation name": "tên cơ quan",
    "organisation name (English)": "tên cơ quan (tiếng Anh)",
    "parent authority": "cơ quan chủ quản",
    'E.g. "UBND tỉnh Thái Nguyên".': 'Ví dụ: "UBND tỉnh Thái Nguyên".',
    "parent authority (English)": "cơ quan chủ quản (tiếng Anh)",
    "address": "địa chỉ",
    "address (English)": "địa chỉ (tiếng Anh)",
    "phone": "điện thoại",
    "email": "thư điện tử",
    "logo": "biểu trưng",
    "footer": "chân trang",
    "footer (English)": "chân trang (tiếng Anh)",
    "Organisation": "Cơ quan",
    "Contact": "Liên hệ",
    "English versions": "Bản tiếng Anh",
    "organisation": "cơ quan",
    "organisations": "cơ quan",
    "Its name, parent authority, address and footer, translated like other texts.":
        "Tên, cơ quan cấp trên, địa chỉ và chân trang của cơ quan, được dịch như các nội dung khác.",
    "Leadership": "Lãnh đạo",
    "Office": "Văn phòng",
    "Specialised division": "Phòng chuyên môn",
    "Affiliated unit": "Đơn vị trực thuộc",
    "Other": "Khác",
    "name": "tên",
    "short name": "tên viết tắt",
    'Abbreviation used in lists, e.g. "VP".': 'Tên viết tắt dùng trong danh sách, ví dụ: "VP".',
    "parent unit": "đơn vị cấp trên",
    "sort order": "thứ tự",
    "units": "đơn vị",
    "A unit cannot be its own parent or ancestor.": "Đơn vị không thể là đơn vị cấp trên của chính nó.",
    "Emulation title": "Danh hiệu thi đua",
    "Form of commendation": "Hình thức khen thưởng",
    "National": "Nhà nước",
    "Ministry / province": "Bộ, ngành, tỉnh",
    "Grassroots": "Cơ sở",
    "Individuals": "Cá nhân",
    "Collectives": "Tập thể",
    # The award catalogue (issue 17)
    "Order": "Huân chương",
    "Medal": "Huy chương",
    "State honorary title": "Danh hiệu vinh dự nhà nước",
    "Ho Chi Minh Prize or State Prize": "Giải thưởng Hồ Chí Minh, Giải thưởng Nhà nước",
    "Commemorative medal": "Kỷ niệm chương",
    "Certificate of merit": "Bằng khen",
    "Certificate of commendation": "Giấy khen",
    "First Class": "hạng Nhất",
    "Second Class": "hạng Nhì",
    "Third Class": "hạng Ba",
    "The legal name, as the law writes it.": "Tên theo đúng văn bản pháp luật.",
    "form": "hình thức",
    "has classes": "có hạng",
    "Awarded in a First, Second or Third Class (hạng Nhất, Nhì, Ba).": "Được tặng theo hạng Nhất, hạng Nhì, hạng Ba.",
    "individuals": "cá nhân",
    "collectives": "tập thể",
    "households": "hộ gia đình",
    "local names": "tên gọi tại đơn vị",
    'Other names the department uses for this award, one per line, e.g. "Chiến sĩ thi đua cấp tỉnh". They are '
    'searched and shown beside the legal name.':
        'Các tên gọi khác đơn vị dùng cho danh hiệu, hình thức này, mỗi tên một dòng, ví dụ: "Chiến sĩ thi đua cấp '
        'tỉnh". Các tên này được tìm kiếm và hiển thị bên cạnh tên theo luật.',
    "a form of": "là một dạng của",
    'The legal entry this award is a local form of, e.g. the certificate of merit of a ministry, branch or province '
    'for "Bằng khen của Chủ tịch UBND tỉnh".':
        'Mục theo luật mà mục này là một dạng cụ thể, ví dụ: Bằng khen cấp bộ, ban, ngành, tỉnh đối với "Bằng khen '
        'của Chủ tịch UBND tỉnh".',
    "legal basis": "căn cứ pháp lý",
    'E.g. "Luật Thi đua, khen thưởng 2022, Điều 33".': 'Ví dụ: "Luật Thi đua, khen thưởng 2022, Điều 33".',
    "valid from": "áp dụng từ ngày",
    "valid to": "áp dụng đến ngày",
    "The last day the award could be conferred, if it was renamed or retired. Honours already conferred keep it.":
        "Ngày cuối cùng có thể tặng, nếu danh hiệu, hình thức đã được đổi tên hoặc bãi bỏ. Các khen thưởng đã tặng "
        "vẫn giữ nguyên.",
    "replaced by": "được thay thế bởi",
    "Awarded to": "Đối tượng được tặng",
    "Say who may receive this award: individuals, collectives or households.":
        "Hãy chọn đối tượng được tặng: cá nhân, tập thể hoặc hộ gia đình.",
    "The award cannot end before it starts.": "Ngày hết áp dụng không thể trước ngày bắt đầu áp dụng.",
    "An award cannot point to itself.": "Danh hiệu, hình thức không thể trỏ tới chính nó.",
    "Choose the class of “%(award)s”.": "Hãy chọn hạng của “%(award)s”.",
    "“%(award)s” is not awarded in classes.": "“%(award)s” không chia hạng.",
    "Household": "Hộ gia đình",
    "class": "hạng",
    "For an order or a medal awarded in classes.": "Đối với huân chương, huy chương có chia hạng.",
    "%(award)s, %(grade)s": "%(award)s %(grade)s",
    "decision": "quyết định",
    "The commendation decision (quyết định khen thưởng) that conferred the honour: its number, date, deciding "
    "authority and file are shown with it.":
        "Quyết định khen thưởng đã tặng danh hiệu, hình thức này: số, ngày, cơ quan quyết định và tệp của quyết định "
        "được hiển thị kèm theo.",
    'Only when the decision is not among the site\'s documents, e.g. "1234/QĐ-UBND".':
        'Chỉ điền khi quyết định chưa có trong danh mục văn bản của trang, ví dụ: "1234/QĐ-UBND".',
    'Only when the decision is not among the site\'s documents, e.g. "Chủ tịch UBND tỉnh Thái Nguyên".':
        'Chỉ điền khi quyết định chưa có trong danh mục văn bản của trang, ví dụ: "Chủ tịch UBND tỉnh Thái Nguyên".',
    "revoked by": "bị hủy bỏ theo",
    "The decision that revoked the honour (Law on Emulation and Commendation, Chapter VII). A revoked honour stays "
    "on the profile, marked as revoked, and leaves the counts and statistics.":
        "Quyết định hủy bỏ khen thưởng (Luật Thi đua, khen thưởng, Chương VII). Khen thưởng bị hủy bỏ vẫn hiển thị "
        "trên hồ sơ, có ghi là đã bị hủy bỏ, và không được tính trong số liệu, thống kê.",
    "Revoked by": "Bị hủy bỏ theo",
    "Revoked": "Đã bị hủy bỏ",
    "Decision No. %(number)s": "Quyết định số %(number)s",
    "of %(date)s": "ngày %(date)s",
    "Register of honours": "Tra cứu khen thưởng",
    "The emulation titles and forms of commendation conferred on the exemplary individuals, collectives and "
    "households this site publishes, with the decisions that conferred them.":
        "Các danh hiệu thi đua, hình thức khen thưởng đã tặng cho các cá nhân, tập thể, hộ gia đình tiêu biểu được "
        "giới thiệu trên trang, kèm theo quyết định khen thưởng.",
    "Look up": "Tra cứu",
    "Issue date": "Ngày ban hành",
    "Honours conferred": "Các khen thưởng theo quyết định",
    "revoked": "đã bị hủy bỏ",
    "No honour of a published profile comes from this decision.":
        "Chưa có hồ sơ điển hình nào đã xuất bản được khen thưởng theo quyết định này.",
    "Honours revoked": "Các khen thưởng bị hủy bỏ theo quyết định",
    "look up every honour by name, unit, year, award or decision.":
        "tra cứu các khen thưởng theo tên, đơn vị, năm, danh hiệu, hình thức khen thưởng hoặc số quyết định.",
    "No honour matches these filters.": "Không có khen thưởng nào phù hợp với điều kiện tra cứu.",
    "Open data": "Dữ liệu mở",
    "licence %(licence)s": "giấy phép %(licence)s",
    "“%(award)s” (%(year)s) needs the standard of “%(needs)s” in the same year (%(article)s); this profile does "
    "not show it. Check before publishing the honour.":
        "“%(award)s” (%(year)s) cần đạt tiêu chuẩn “%(needs)s” trong cùng năm (%(article)s); hồ sơ này chưa thể "
        "hiện điều đó. Hãy kiểm tra trước khi xuất bản khen thưởng.",
    "“%(award)s” (%(year)s) is given among those who held “%(needs)s” %(times)s consecutive times (%(article)s); "
    "this profile shows %(found)s before %(year)s. Check before publishing the honour.":
        "“%(award)s” (%(year)s) được xét trong số những người có %(times)s lần liên tục đạt “%(needs)s” "
        "(%(article)s); hồ sơ này mới có %(found)s lần trước năm %(year)s. Hãy kiểm tra trước khi xuất bản khen "
        "thưởng.",
    "code": "mã",
    'A stable identifier, the same in every language, e.g. "chien-si-thi-dua-co-so".':
        'Mã cố định, giống nhau ở mọi ngôn ngữ, ví dụ: "chien-si-thi-dua-co-so".',
    "level": "cấp",
    "awarded to": "đối tượng",
    "description": "mô tả",
    "awards": "danh hiệu, hình thức khen thưởng",
    "Decision": "Quyết định",
    "Directive": "Chỉ thị",
    "Official letter": "Công văn",
    "Guidance": "Hướng dẫn",
    "Report": "Báo cáo",
    "Notice": "Thông báo",
    "number and symbol": "số, ký hiệu",
    'As printed on the document, e.g. "60/KH-KHCN".': 'Như trên văn bản, ví dụ: "60/KH-KHCN".',
    "type": "loại",
    "title": "trích yếu",
    "The document's summary line (trích yếu).": "Trích yếu nội dung của văn bản.",
    "issue date": "ngày ban hành",
    "place of issue": "địa danh",
    "issuing body": "cơ quan ban hành",
    "signer": "người ký",
    "signer's title": "chức vụ người ký",
    'One line per line of the signature block, e.g. "KT. GIÁM ĐỐC" then "PHÓ GIÁM ĐỐC".':
        'Mỗi dòng của phần chữ ký một dòng, ví dụ: "KT. GIÁM ĐỐC" rồi "PHÓ GIÁM ĐỐC".',
    "recipients": "nơi nhận",
    "One recipient per line (Nơi nhận).": "Mỗi nơi nhận một dòng.",
    "Signature": "Chữ ký",
    "Implements": "Thực hiện văn bản",
    "Document implemented": "Văn bản được thực hiện",
    "official document": "văn bản",
    "official documents": "văn bản",
    "implemented document": "văn bản được thực hiện",
    "implemented documents": "văn bản được thực hiện",
    "A document cannot implement itself.": "Văn bản không thể thực hiện chính nó.",
    "Skip to main content": "Chuyển đến nội dung chính",
    "Emulation and commendation": "Thi đua, khen thưởng",
    "Main menu": "Menu chính",
    "Address": "Địa chỉ",
    "Phone": "Điện thoại",
    "Email": "Thư điện tử",
    "No campaign matches these filters.": "Không có phong trào nào phù hợp với bộ lọc.",
    "Launched by": "Cơ quan phát động",
    "Part of": "Thuộc phong trào",
    "Purposes": "Mục đích",
    "Requirements": "Yêu cầu",
    "Campaigns within this campaign": "Các phong trào trong phong trào này",
    "Exemplary profiles": "Điển hình tiên tiến",
    "No exemplary profile has been published for this campaign yet.":
        "Chưa có điển hình tiên tiến nào của phong trào này được đăng.",
    "Latest news": "Tin mới nhất",
    "No news about this campaign yet.": "Chưa có tin về phong trào này.",
    "Recognised in %(year)s": "Được ghi nhận năm %(year)s",
    "Story": "Câu chuyện điển hình",
    "In the news": "Tin liên quan",
    "Breadcrumb": "Đường dẫn",
    "Home": "Trang chủ",
    "From": "Từ",
    "Filter the list": "Lọc danh sách",
    "Filter": "Lọc",
    "Clear filters": "Bỏ lọc",
    "Some filter values were not valid and have been ignored:": "Một số giá trị lọc không hợp lệ nên đã được bỏ qua:",
    "No.": "số",
    "Signed by": "Người ký:",
    "Download": "Tải về",
    "Pages": "Phân trang",
    "Page %(number)s of %(total)s": "Trang %(number)s / %(total)s",
    "Previous": "Trang trước",
    "Next": "Trang sau",
    "No news item matches these filters.": "Không có tin nào phù hợp với bộ lọc.",
    "Topics": "Chủ đề",
    "Related campaigns": "Phong trào liên quan",
    "Related exemplary profiles": "Điển hình tiên tiến liên quan",
    "No exemplary profile matches these filters.": "Không có điển hình tiên tiến nào phù hợp với bộ lọc.",
    "Current campaigns": "Phong trào đang diễn ra",
    "No campaign is under way.": "Hiện không có phong trào nào đang diễn ra.",
    "Language": "Ngôn ngữ",
    "Not translated yet: goes to the nearest translated page": "Chưa được dịch: chuyển đến trang gần nhất đã được dịch",
    "News — %(organisation)s": "Tin tức — %(organisation)s",
    "News about emulation campaigns and exemplary profiles": "Tin về phong trào thi đua và điển hình tiên tiến",
    "Emulation campaigns — %(organisation)s": "Phong trào thi đua — %(organisation)s",
    "Emulation campaigns launched or joined by %(organisation)s":
        "Các phong trào thi đua do %(organisation)s phát động hoặc tham gia",
    "Year recognised": "Năm được ghi nhận",
    "News": "Tin tức",
    "News (RSS)": "Tin tức (RSS)",
    "Campaigns (RSS)": "Phong trào thi đua (RSS)",
    "Search the site": "Tìm kiếm trên trang",
    "Search…": "Tìm kiếm…",
    "Search": "Tìm kiếm",
    "Search: %(query)s": "Tìm kiếm: %(query)s",
    "Diacritics and capitals do not matter: “thi dua” finds “thi đua”.":
        "Có thể gõ không dấu, chữ hoa hay chữ thường: “thi dua” cũng tìm thấy “thi đua”.",
    "Your search was too long and has been shortened.": "Nội dung tìm kiếm quá dài nên đã được rút ngắn.",
    "Nothing matches your search. Try fewer or other words.": "Không tìm thấy kết quả. Hãy thử ít từ hơn hoặc từ khác.",
    "All %(total)s documents": "Xem tất cả %(total)s văn bản",
    "search/": "tim-kiem/",
    "honours/": "tra-cuu-khen-thuong/",
    "decision/": "quyet-dinh/",
    "Search for": "Từ khóa",
    "In": "Tìm trong",
    "Everything": "Tất cả",
    "Units": "Đơn vị",
    "Awards": "Danh hiệu, hình thức khen thưởng",
    "Official documents": "Văn bản",
    "Emulation": "Thi đua, khen thưởng",
    # Nominations (issue 5)
    "personal data notice": "thông báo về dữ liệu cá nhân",
    "How the personal data sent with a nomination is processed (shown above the consent box).":
        "Cách xử lý dữ liệu cá nhân gửi kèm đề cử (hiển thị phía trên ô đồng ý).",
    "thank-you text": "lời cảm ơn",
    "notify by email": "báo qua thư điện tử",
    "Addresses told of each new nomination, separated by commas.":
        "Các địa chỉ nhận thông báo khi có đề cử mới, cách nhau bởi dấu phẩy.",
    "Notifications": "Thông báo",
    "nomination form": "trang đề cử",
    "nomination forms": "trang đề cử",
    "New": "Mới",
    "Accepted": "Đã chấp nhận",
    "Rejected": "Không chấp nhận",
    "form page": "trang đề cử",
    "language": "ngôn ngữ",
    "nominated": "đối tượng đề cử",
    "name of the person or collective": "tên cá nhân hoặc tập thể",
    "unit (if not listed)": "đơn vị (nếu không có trong danh sách)",
    "your name": "họ và tên của bạn",
    "your email": "thư điện tử của bạn",
    "your phone": "số điện thoại của bạn",
    "consent to processing of personal data": "đồng ý cho xử lý dữ liệu cá nhân",
    "submitted at": "thời điểm gửi",
    "status": "trạng thái",
    "review note": "ghi chú xét duyệt",
    "reviewed by": "người xét duyệt",
    "reviewed at": "thời điểm xét duyệt",
    "profile": "hồ sơ điển hình",
    "nomination": "đề cử",
    "nominations": "đề cử",
    "file name": "tên tệp",
    "size": "dung lượng",
    "attachment": "tệp đính kèm",
    "attachments": "tệp đính kèm",
    "%(name)s: only PDF and image files (JPEG, PNG, WebP) can be attached.":
        "%(name)s: chỉ đính kèm được tệp PDF và ảnh (JPEG, PNG, WebP).",
    "%(name)s is too large: each file may be at most %(limit)s MB.":
        "%(name)s quá lớn: mỗi tệp tối đa %(limit)s MB.",
    "%(name)s is not a real %(type)s file.": "%(name)s không phải là tệp %(type)s thật.",
    "Leave this field empty": "Để trống ô này",
    "— not listed —": "— không có trong danh sách —",
    "— none in particular —": "— không gắn với phong trào cụ thể —",
    "Your consent is needed for the office to process this nomination.":
        "Cần bạn đồng ý để Văn phòng xử lý đề cử này.",
    "What did the person or collective achieve? Facts and figures help.":
        "Cá nhân, tập thể đã đạt thành tích gì? Nêu sự việc, số liệu cụ thể.",
    "Optional: PDF or images, up to %(count)s files of %(size)s MB each.":
        "Không bắt buộc: tệp PDF hoặc ảnh, tối đa %(count)s tệp, mỗi tệp %(size)s MB.",
    "Please describe the achievements in a few sentences.": "Vui lòng mô tả thành tích trong vài câu.",
    "At most %(count)s files can be attached.": "Chỉ được đính kèm tối đa %(count)s tệp.",
    "Choose the unit, or write its name if it is not listed.":
        "Chọn đơn vị, hoặc ghi tên đơn vị nếu không có trong danh sách.",
    "Too many nominations have been sent from your address. Please try again later.":
        "Đã có quá nhiều đề cử gửi từ địa chỉ của bạn. Vui lòng thử lại sau.",
    "New nomination: %(name)s": "Đề cử mới: %(name)s",
    "A nomination was sent through \"%(page)s\".": "Có một đề cử gửi qua trang \"%(page)s\".",
    "Review it in the admin: %(url)s": "Xem xét đề cử trong trang quản trị: %(url)s",
    "A profile was already created from this nomination.": "Đề cử này đã được tạo hồ sơ điển hình.",
    "There is no profile list to create the profile in.": "Chưa có trang danh sách điển hình để tạo hồ sơ.",
    "Thank you. Your nomination has been received; the office will review it.":
        "Cảm ơn bạn. Đề cử đã được tiếp nhận; Văn phòng sẽ xem xét.",
    "Send another nomination": "Gửi đề cử khác",
    "Please correct the following and send the form again.": "Vui lòng sửa các mục sau rồi gửi lại.",
    "For your safety, attached files are not kept when the form has errors: choose them again.":
        "Để bảo đảm an toàn, tệp đính kèm không được giữ lại khi biểu mẫu có lỗi: vui lòng chọn lại tệp.",
    "Who do you nominate?": "Bạn đề cử ai?",
    "About you": "Thông tin người đề cử",
    "Send the nomination": "Gửi đề cử",
    "Nominations": "Đề cử",
    "Nomination accepted: a draft profile was created for review.":
        "Đã chấp nhận đề cử: một bản nháp hồ sơ điển hình đã được tạo để biên tập.",
    "Nomination rejected.": "Đã không chấp nhận đề cử.",
    "Position": "Chức vụ",
    "Achievements": "Thành tích",
    "Sent by": "Người gửi",
    "Submitted at": "Thời điểm gửi",
    "Profile": "Hồ sơ điển hình",
    "Accept and create a draft profile": "Chấp nhận và tạo bản nháp hồ sơ",
    "Reject": "Không chấp nhận",
    "required": "bắt buộc",
    # Plan import (issue 5)
    "The plan has no title (the line after \"KẾ HOẠCH\").": "Kế hoạch không có trích yếu (dòng sau chữ \"KẾ HOẠCH\").",
    "A document numbered %(number)s already exists (\"%(title)s\"); it was not imported again.":
        "Đã có văn bản số %(number)s (\"%(title)s\"); không nhập lại.",
    "No date of issue was found: today's date was used; correct it in the document.":
        "Không tìm thấy ngày ban hành: đã tạm dùng ngày hôm nay; hãy sửa lại trong văn bản.",
    "(issuing body)": "(cơ quan ban hành)",
    "(no number)": "(chưa có số)",
    "%(number)s is implemented by this plan but has no date: link it by hand.":
        "Kế hoạch thực hiện văn bản %(number)s nhưng không ghi ngày: hãy liên kết thủ công.",
    "A movement named in plan %(number)s: “%(name)s”.": "Phong trào được nêu trong Kế hoạch số %(number)s: “%(name)s”.",
    "Campaign list": "Danh sách phong trào",
    "The draft campaign is created under this list.": "Bản nháp phong trào được tạo trong danh sách này.",
    "Plan file": "Tệp kế hoạch",
    "A Word (.docx) or plain text (.txt, UTF-8) file. The original is kept with the document.":
        "Tệp Word (.docx) hoặc văn bản thuần (.txt, UTF-8). Tệp gốc được lưu kèm văn bản.",
    "Or paste the plan's text": "Hoặc dán nội dung kế hoạch",
    "Issuing body": "Cơ quan ban hành",
    "Used when the plan's letterhead does not name it.": "Dùng khi phần tiêu đề của kế hoạch không ghi cơ quan ban hành.",
    "Create draft sub-campaigns for the movements quoted in the plan":
        "Tạo bản nháp phong trào con cho các phong trào được nêu trong ngoặc kép",
    "The file is too large (%(size)s MB); plans up to %(limit)s MB can be imported.":
        "Tệp quá lớn (%(size)s MB); chỉ nhập được kế hoạch tối đa %(limit)s MB.",
    "Upload a file or paste the text, not both.": "Chỉ tải tệp lên hoặc dán nội dung, không làm cả hai.",
    "Upload the plan's file or paste its text.": "Hãy tải tệp kế hoạch lên hoặc dán nội dung kế hoạch.",
    "This does not look like a plan: a plan has a number (\"Số: 60/KH-KHCN\") or a date (\"…, ngày 26 tháng 8 năm 2019\"), a title and numbered sections (\"I. MỤC ĐÍCH, YÊU CẦU\").":
        "Nội dung này không giống một kế hoạch: kế hoạch có số (\"Số: 60/KH-KHCN\") hoặc ngày ban hành "
        "(\"…, ngày 26 tháng 8 năm 2019\"), trích yếu và các mục đánh số (\"I. MỤC ĐÍCH, YÊU CẦU\").",
    "The file is empty.": "Tệp không có nội dung.",
    "Old Word files (.doc) cannot be read: save the plan as .docx and upload it again.":
        "Không đọc được tệp Word cũ (.doc): hãy lưu kế hoạch dưới dạng .docx rồi tải lên lại.",
    "Only Word (.docx) and plain text (.txt) plans can be imported.":
        "Chỉ nhập được kế hoạch dạng Word (.docx) hoặc văn bản thuần (.txt).",
    "The text file is not in UTF-8. Save it as UTF-8 (Unicode) text, or upload the Word file.":
        "Tệp văn bản không ở mã UTF-8. Hãy lưu lại với mã UTF-8 (Unicode), hoặc tải tệp Word lên.",
    "The file is not a valid Word (.docx) document: it may be damaged.":
        "Tệp không phải là tài liệu Word (.docx) hợp lệ: có thể tệp đã bị hỏng.",
    "Import a plan": "Nhập kế hoạch",
    "Draft campaign \"%(title)s\" created from %(number)s.": "Đã tạo bản nháp phong trào \"%(title)s\" từ văn bản %(number)s.",
    "Upload a plan (Kế hoạch) as a Word or text file, or paste its text. A <strong>draft</strong> campaign and its document are created for you to review; nothing is published. The parts of the plan that cannot be placed in a field are kept in the campaign's content and listed after the import.":
        "Tải lên kế hoạch dạng tệp Word hoặc văn bản, hoặc dán nội dung. Một <strong>bản nháp</strong> phong trào "
        "và văn bản kèm theo sẽ được tạo để bạn xem lại; chưa có gì được xuất bản. Những phần không xếp được vào "
        "trường nào được giữ trong nội dung phong trào và liệt kê sau khi nhập.",
    "Import as a draft": "Nhập thành bản nháp",
    "What was recognised": "Các phần đã nhận diện",
    "Number": "Số",
    "Place and date": "Địa danh và ngày",
    "Title": "Trích yếu",
    "Purposes / requirements": "Mục đích / yêu cầu",
    "paragraphs": "đoạn",
    "Recipients": "Nơi nhận",
    "Signer": "Người ký",
    "These parts could not be placed in a field; they are kept in the campaign's content. Move or delete them:":
        "Các phần sau chưa xếp được vào trường nào và được giữ trong nội dung phong trào. Hãy chuyển hoặc xóa:",
    "Drafts created": "Các bản nháp đã tạo",
    "sub-campaign": "phong trào con",
    "Review the campaign": "Xem lại phong trào",
    "Import another plan": "Nhập kế hoạch khác",
    # Statistics, honours register, dashboard (issue 6)
    "statistics page": "trang thống kê",
    "statistics pages": "trang thống kê",
    "From year": "Từ năm",
    "To year": "Đến năm",
    "All": "Tất cả",
    "Kind": "Loại",
    "Profile published": "Hồ sơ đã xuất bản",
    "Honours register": "Sổ khen thưởng",
    "Decision number": "Số quyết định",
    "Decided by": "Cấp quyết định",
    "Published": "Đã xuất bản",
    "Honours per year": "Số lượt khen thưởng theo năm",
    "Honours per award": "Số lượt khen thưởng theo danh hiệu, hình thức",
    "No unit given": "Chưa ghi đơn vị",
    "Honours per unit": "Số lượt khen thưởng theo đơn vị",
    "Exemplary profiles per campaign": "Số điển hình tiên tiến theo phong trào",
    "Profiles": "Điển hình",
    "Campaigns under way": "Phong trào đang diễn ra",
    "Ending within 30 days": "Kết thúc trong 30 ngày tới",
    "End date": "Ngày kết thúc",
    "Other campaigns under way": "Các phong trào khác đang diễn ra",
    "until": "đến",
    "Nominations waiting": "Đề cử chờ xem xét",
    "Review them": "Xem xét",
    "Emulation pages waiting for review": "Trang thi đua chờ duyệt",
    "Page": "Trang",
    "Task": "Bước duyệt",
    "Submitted by": "Người gửi duyệt",
    "Since": "Từ lúc",
    "No campaign, profile or news page is waiting for review.": "Không có phong trào, điển hình hay tin nào chờ duyệt.",
    "Translations to do": "Bản dịch cần làm",
    "Not yet translated: %(missing)s. Changed since translated: %(outdated)s.":
        "Chưa dịch: %(missing)s. Đã thay đổi sau khi dịch: %(outdated)s.",
    "Changed since translated (sync them)": "Đã thay đổi sau khi dịch (cần đồng bộ)",
    "Not yet translated": "Chưa dịch",
    "Data table": "Bảng số liệu",
    "Total": "Tổng cộng",
    "Nothing to count yet.": "Chưa có số liệu.",
    # Issue 15: hardening
    "The request is too large: at most %(size)s MB can be sent at once.":
        "Yêu cầu quá lớn: mỗi lần chỉ được gửi tối đa %(size)s MB.",
    "Failed": "Không gửi được",
    "No address to notify": "Không có địa chỉ nhận thông báo",
    "Not sent yet": "Chưa gửi",
    "Sent": "Đã gửi",
    "email notification": "thông báo qua thư điện tử",
    "See them": "Xem các đề cử này",
    "public": "công khai",
    "Shown to visitors (search, campaign pages). A plan imported in the admin stays private, with its file, until "
    "its campaign is published.":
        "Hiển thị cho người xem (tìm kiếm, trang phong trào). Kế hoạch nhập trong trang quản trị được giữ không công "
        "khai, cùng tệp của nó, cho đến khi phong trào được xuất bản.",
    "Nominated: %(name)s (%(kind)s)": "Được đề cử: %(name)s (%(kind)s)",
    "Unit: %(unit)s": "Đơn vị: %(unit)s",
    "Campaign: %(campaign)s": "Phong trào: %(campaign)s",
    "Sent by: %(name)s <%(email)s>": "Người gửi: %(name)s <%(email)s>",
    "Too many failed sign-in attempts": "Quá nhiều lần đăng nhập sai",
    "Back to sign in": "Quay lại trang đăng nhập",
    "Too many wrong passwords were entered for this user name from your address, so signing in is locked for a "
    "while. Try again later, or ask an administrator to unlock it.":
        "Đã nhập sai mật khẩu quá nhiều lần cho tên đăng nhập này từ địa chỉ của bạn, nên việc đăng nhập tạm thời "
        "bị khóa. Vui lòng thử lại sau, hoặc đề nghị quản trị viên mở khóa.",
    "Your translation is saved. The Office reviews and publishes it.":
        "Bản dịch của bạn đã được lưu. Văn phòng sẽ duyệt và xuất bản.",
    "The translations wait for the Office to review and publish them.":
        "Các bản dịch đang chờ Văn phòng duyệt và xuất bản.",
    "The plan quotes %(count)s more names; only the first %(made)s became draft sub-campaigns.":
        "Kế hoạch còn nêu thêm %(count)s tên trong ngoặc kép; chỉ %(made)s tên đầu tiên được tạo thành phong trào "
        "con (bản nháp).",
    "The Word file unpacks to more than %(limit)s MB or has too many parts: it cannot be a plan. Save it again from "
    "Word, without embedded files.":
        "Tệp Word khi giải nén lớn hơn %(limit)s MB hoặc có quá nhiều thành phần: không thể là một kế hoạch. Hãy lưu "
        "lại tệp từ Word, không kèm tệp nhúng.",
    "The plan is too long (%(count)s lines); plans of up to %(limit)s lines can be imported.":
        "Kế hoạch quá dài (%(count)s dòng); chỉ nhập được kế hoạch có tối đa %(limit)s dòng.",
    "The plan is too long (%(paragraphs)s paragraphs, %(cells)s table cells); plans of up to %(limit)s of each can "
    "be imported.":
        "Kế hoạch quá dài (%(paragraphs)s đoạn văn, %(cells)s ô bảng); chỉ nhập được kế hoạch có tối đa %(limit)s "
        "đoạn văn và %(limit)s ô bảng.",
    "recipient": "đối tượng",
    "Full name of the person, or name of the collective or household.":
        "Họ và tên cá nhân, hoặc tên tập thể, hộ gia đình.",
    "As on the decision: the unit at the time of the award.": "Như trong quyết định: đơn vị tại thời điểm khen thưởng.",
    "The decision that revoked the honour (Law on Emulation and Commendation, Chapter VII).":
        "Quyết định hủy bỏ khen thưởng (Luật Thi đua, khen thưởng, Chương VII).",
    "recipient without a profile": "người, tập thể được khen chưa có hồ sơ",
    "recipients without a profile": "người, tập thể được khen chưa có hồ sơ",
    "unit at the time": "đơn vị khi được khen",
    "The unit as on the decision. Left empty, the profile's unit is filled in when it is published.":
        "Đơn vị như ghi trong quyết định. Để trống thì lấy đơn vị của hồ sơ khi xuất bản.",
    "last changed": "sửa lần cuối",
    "Recipients without a profile": "Người, tập thể được khen chưa có hồ sơ",
    "For a commendation decision: the people, collectives and households it honours who have no profile on the "
    "site. Honours of profiles are recorded on the profile, with this decision. A list can be imported from a "
    "spreadsheet (Emulation → Import a decision's recipients).":
        "Dành cho quyết định khen thưởng: các cá nhân, tập thể, hộ gia đình được khen chưa có hồ sơ trên trang. "
        "Khen thưởng của người đã có hồ sơ được ghi ở hồ sơ, kèm quyết định này. Có thể nhập danh sách từ bảng tính "
        "(Thi đua, khen thưởng → Nhập danh sách khen thưởng).",
    "Old Excel files (.xls) cannot be read: open the file in Excel or LibreOffice and save it as .xlsx, or as CSV.":
        "Không đọc được tệp Excel cũ (.xls): hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx "
        "hoặc CSV.",
    "Upload the list as an Excel workbook (.xlsx) or a CSV file.":
        "Hãy tải danh sách lên dưới dạng tệp Excel (.xlsx) hoặc CSV.",
    "The file is not a valid Excel workbook (.xlsx): it may be damaged.":
        "Tệp không phải bảng tính Excel (.xlsx) hợp lệ: có thể tệp đã bị hỏng.",
    "The workbook unpacks to more than %(limit)s MB: it cannot be a list of recipients.":
        "Bảng tính giải nén ra hơn %(limit)s MB: không thể là một danh sách khen thưởng.",
    "The CSV file is not in UTF-8. Save it as \"CSV UTF-8\".":
        "Tệp CSV không ở dạng UTF-8. Hãy lưu lại dưới dạng \"CSV UTF-8\".",
    "The sheet has %(count)s rows; lists of up to %(limit)s recipients can be imported at once.":
        "Bảng tính có %(count)s dòng; mỗi lần chỉ nhập được danh sách tối đa %(limit)s người, tập thể.",
    "No header row found: one of the first %(rows)s rows must name the columns, with at least “Họ và tên” (or “Tên "
    "tập thể”) and “Danh hiệu” or “Hình thức khen thưởng”, or “Chức vụ”, “Đơn vị”.":
        "Không tìm thấy dòng tiêu đề: một trong %(rows)s dòng đầu phải ghi tên các cột, ít nhất có “Họ và tên” (hoặc "
        "“Tên tập thể”) và “Danh hiệu” hoặc “Hình thức khen thưởng”, hoặc “Chức vụ”, “Đơn vị”.",
    "The list has no column of awards (“Danh hiệu” or “Hình thức khen thưởng”): choose the award of all its "
    "recipients in the form.":
        "Danh sách không có cột hình thức khen thưởng (“Danh hiệu” hoặc “Hình thức khen thưởng”): hãy chọn hình "
        "thức khen thưởng chung cho cả danh sách trong biểu mẫu.",
    "The list under the header row has no recipient.": "Dưới dòng tiêu đề, danh sách không có ai được khen.",
    "no name": "không có họ tên",
    "a name, position or unit longer than 255 characters": "họ tên, chức vụ hoặc đơn vị dài quá 255 ký tự",
    "“%(award)s” is not an award of the catalogue (Emulation → Awards)":
        "“%(award)s” không có trong danh mục khen thưởng (Thi đua, khen thưởng → Danh hiệu, hình thức khen thưởng)",
    "no award: fill in the column, or choose the award of the whole list":
        "chưa có hình thức khen thưởng: hãy điền vào cột, hoặc chọn hình thức chung cho cả danh sách",
    "“%(class)s” is not a class (Nhất, Nhì, Ba)": "“%(class)s” không phải là hạng (Nhất, Nhì, Ba)",
    "“%(kind)s” is not a kind of recipient (cá nhân, tập thể, hộ gia đình)":
        "“%(kind)s” không phải là đối tượng khen thưởng (cá nhân, tập thể, hộ gia đình)",
    "“%(award)s” is not in force on the decision's date": "“%(award)s” không còn hiệu lực vào ngày ra quyết định",
    "the same recipient and award as row %(line)s": "trùng người và hình thức khen với dòng %(line)s",
    "the site has a profile “%(name)s”: record the honour on the profile, with this decision, and remove the row":
        "trang có hồ sơ “%(name)s”: hãy ghi khen thưởng vào hồ sơ, kèm quyết định này, và bỏ dòng này",
    "Spreadsheet": "Bảng tính",
    "The list of recipients as an Excel workbook (.xlsx) or a CSV file: columns STT, Họ và tên, Chức vụ, Đơn vị, "
    "Danh hiệu / Hình thức khen thưởng (and Hạng when classes are in their own column).":
        "Danh sách khen thưởng dạng tệp Excel (.xlsx) hoặc CSV: các cột STT, Họ và tên, Chức vụ, Đơn vị, Danh hiệu "
        "/ Hình thức khen thưởng (và Hạng nếu hạng ghi ở cột riêng).",
    "As printed on the decision, e.g. \"215/QĐ-UBND\".": "Như trên quyết định, ví dụ: \"215/QĐ-UBND\".",
    "The decision's summary line (trích yếu).": "Trích yếu của quyết định.",
    "Deciding authority": "Cấp quyết định",
    "e.g. \"Chủ tịch Ủy ban nhân dân tỉnh Thái Nguyên\".": "Ví dụ: \"Chủ tịch Ủy ban nhân dân tỉnh Thái Nguyên\".",
    "Award of the whole list": "Hình thức khen thưởng chung",
    "For a list that names no award in its rows (a decision conferring one form).":
        "Cho danh sách không ghi hình thức khen thưởng ở từng dòng (quyết định chỉ tặng một hình thức).",
    "The file is too large (%(size)s MB); lists up to %(limit)s MB can be imported.":
        "Tệp quá lớn (%(size)s MB); chỉ nhập được danh sách tối đa %(limit)s MB.",
    "A document numbered %(number)s already exists: add the recipients on it, or delete it before importing again.":
        "Đã có văn bản số %(number)s: hãy thêm người được khen vào văn bản đó, hoặc xóa văn bản trước khi nhập lại.",
    "Choose the spreadsheet of the decision's recipients.": "Hãy chọn bảng tính danh sách khen thưởng.",
    "the award was deleted from the catalogue": "hình thức khen thưởng đã bị xóa khỏi danh mục",
    "Import a decision's recipients": "Nhập danh sách khen thưởng",
    "Decision on commendation": "Quyết định khen thưởng",
    "The preview has expired or was changed: upload the spreadsheet again.":
        "Bản xem trước đã hết hạn hoặc bị sửa đổi: hãy tải bảng tính lên lại.",
    "Decision %(number)s created, not yet public, with %(count)s recipients. Check it, add its file, then tick "
    "“public”.":
        "Đã tạo quyết định %(number)s, chưa công khai, với %(count)s người, tập thể được khen. Hãy kiểm tra, đính "
        "kèm tệp quyết định, rồi đánh dấu “công khai”.",
    "Row %(line)s": "Dòng %(line)s",
    "Row": "Dòng",
    "Number in the list": "STT",
    "Class": "Hạng",
    "Check": "Kiểm tra",
    "OK": "Đúng",
    "The decision %(number)s will be created with these recipients, <strong>not public</strong> until you tick "
    "“public” on it.":
        "Quyết định %(number)s sẽ được tạo với danh sách này, <strong>chưa công khai</strong> cho đến khi bạn đánh "
        "dấu “công khai”.",
    "Import as a draft decision": "Nhập thành quyết định nháp",
    "Upload again": "Tải lên lại",
    "Upload the list of recipients attached to a commendation decision, as the department keeps it (Excel .xlsx or "
    "CSV, columns STT, Họ và tên, Chức vụ, Đơn vị, Danh hiệu / Hình thức khen thưởng). You see every row checked "
    "before anything is saved; the decision is then created <strong>not public</strong>, for you to check, "
    "complete and publish.":
        "Tải lên danh sách khen thưởng kèm theo quyết định, như cơ quan đang lưu (Excel .xlsx hoặc CSV, các cột STT, "
        "Họ và tên, Chức vụ, Đơn vị, Danh hiệu / Hình thức khen thưởng). Bạn xem kết quả kiểm tra từng dòng trước "
        "khi lưu; quyết định được tạo ở dạng <strong>chưa công khai</strong> để bạn kiểm tra, bổ sung rồi công bố.",
    "Check the list": "Kiểm tra danh sách",
    "This decision lists no honour of a published profile and no other recipient.":
        "Quyết định này không có khen thưởng nào của hồ sơ đã xuất bản và không có người được khen nào khác.",
    "Translate the home page for the emulation sections": "Dịch trang chủ cho các mục thi đua, khen thưởng",
    "Home page translated for the emulation sections": "Đã dịch trang chủ cho các mục thi đua, khen thưởng",
    "Decision public": "Quyết định đã công khai",
    "Recipients listed on decisions": "Danh sách khen thưởng theo quyết định",
    "Print or save as PDF": "In hoặc lưu thành PDF",
    "Source: %(url)s": "Nguồn: %(url)s",
}

# Strings with a context (pgettext): (context, msgid) -> Vietnamese
VI_CONTEXT = {
    ("section title", "Emulation campaigns"): "Phong trào thi đua",
    ("section title", "Exemplary profiles"): "Điển hình tiên tiến",
    ("section title", "Emulation and commendation news"): "Tin thi đua, khen thưởng",
    ("section title", "Nominate an exemplary case"): "Đề cử điển hình tiên tiến",
    ("section title", "Emulation and commendation statistics"): "Thống kê thi đua, khen thưởng",
}

VI_PLURAL = {
    "Preview: %(counter)s recipient": "Xem trước: %(counter)s người, tập thể được khen thưởng",
    "%(counter)s row cannot be imported. Nothing was imported: correct the spreadsheet and upload it again.":
        "%(counter)s dòng không nhập được. Chưa nhập gì: hãy sửa bảng tính và tải lên lại.",
    "%(counter)s row has a warning: read it before importing.":
        "%(counter)s dòng có cảnh báo: hãy đọc trước khi nhập.",
    "%(counter)s honour": "%(counter)s khen thưởng",
    "“%(object)s” cannot be deleted: %(count)s honour refers to it. Change or remove it first.":
        "Không thể xóa “%(object)s”: có %(count)s khen thưởng đang dựa vào mục này. Hãy sửa hoặc xóa các khen "
        "thưởng đó trước.",
    "The email about %(counter)s nomination could not be sent.":
        "Không gửi được thư thông báo về %(counter)s đề cử.",
    "%(counter)s campaign under way.": "%(counter)s phong trào đang diễn ra.",
    "%(counter)s nomination is waiting for review.": "%(counter)s đề cử đang chờ xem xét.",
    "%(counter)s bar, %(total)s in all; the numbers are in the table below.":
        "%(counter)s cột, tổng cộng %(total)s; số liệu chi tiết ở bảng bên dưới.",
    "%(counter)s campaign": "%(counter)s phong trào",
    "%(counter)s news item": "%(counter)s tin",
    "%(counter)s exemplary profile": "%(counter)s điển hình tiên tiến",
    "%(counter)s result for “%(query)s”": "%(counter)s kết quả cho “%(query)s”",
}


def main():
    po = polib.pofile(str(PO))
    po.metadata.update({
        "Language": "vi",
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=1; plural=0;",
    })
    missing = []
    for entry in po:
        if entry.msgid_plural:
            if entry.msgid in VI_PLURAL:
                entry.msgstr_plural = {0: VI_PLURAL[entry.msgid]}
            else:
                missing.append(entry.msgid)
        elif entry.msgctxt and (entry.msgctxt, entry.msgid) in VI_CONTEXT:
            entry.msgstr = VI_CONTEXT[(entry.msgctxt, entry.msgid)]
        elif entry.msgid in VI:
            entry.msgstr = VI[entry.msgid]
        else:
            missing.append(entry.msgid)
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.save(str(PO))
    po.save_as_mofile(str(PO.with_suffix(".mo")))
    if missing:
        raise SystemExit("No Vietnamese for: " + "; ".join(missing))
    print(f"{len(po)} strings translated, {PO.with_suffix('.mo').name} compiled.")


if __name__ == "__main__":
    main()
