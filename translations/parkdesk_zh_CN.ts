<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>A directory of the Foshan National High-tech Industrial Development Zone (one zone, five parks); every fact links to its source article.</source>
        <translation>佛山国家高新技术产业开发区（佛山高新区，一区五园）名录；每条信息都链接到其来源文章。</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Built: {date}</source>
        <translation>生成日期：{date}</translation>
    </message>
    <message>
        <source>Source articles: {count}</source>
        <translation>来源文章：{count} 篇</translation>
    </message>
    <message>
        <source>About parkdesk</source>
        <translation>关于 parkdesk</translation>
    </message>
</context>
<context>
    <name>ArticleImport</name>
    <message>
        <source>&amp;Import Articles…</source>
        <translation>导入文章(&amp;I)…</translation>
    </message>
    <message>
        <source>Add articles (text files, saved web pages) to review into your directory</source>
        <translation>添加文章（文本文件、保存的网页），审核后纳入您的名录</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>导入文章</translation>
    </message>
    <message>
        <source>Articles (*.txt *.html *.htm);;All files (*)</source>
        <translation>文章 (*.txt *.html *.htm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Or import every article of a folder</source>
        <translation>或导入一个文件夹中的全部文章</translation>
    </message>
    <message>
        <source>Reading articles…</source>
        <translation>正在读取文章…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>已取消导入，未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 is already in your directory as “%2”; nothing changed.</source>
        <translation>%1 已作为“%2”在您的名录中，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <source>Attach to a record</source>
        <translation>关联到条目</translation>
    </message>
    <message>
        <source>Search the directory for the record…</source>
        <translation>在名录中搜索条目…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Proposed records first; type to search for another:</source>
        <translation>先列出建议的条目；输入文字可搜索其他条目：</translation>
    </message>
    <message>
        <source>Proposed: %1 — %2</source>
        <translation>建议：%1 — %2</translation>
    </message>
    <message>
        <source>Pick a record: type part of its name to find it.</source>
        <translation>请选择一个条目：输入名称的一部分即可查找。</translation>
    </message>
    <message>
        <source>Type the metric, e.g. Investment or Area.</source>
        <translation>请输入指标，例如“投资额”或“面积”。</translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Clipboard</name>
    <message>
        <source>Copied numbers stay available only while parkdesk runs on this desktop.</source>
        <translation>复制的号码只在 parkdesk 运行期间可以粘贴。</translation>
    </message>
    <message>
        <source>“{text}” cannot be pasted after parkdesk quits: no clipboard manager is running to keep it. Paste it first, or quit anyway.</source>
        <translation>退出 parkdesk 后将无法粘贴“{text}”：系统没有运行剪贴板管理器来保留它。请先粘贴，或直接退出。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>继续运行</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>not published</source>
        <translation>未公布</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>District</source>
        <translation>所在区</translation>
    </message>
    <message>
        <source>Number of projects and carriers</source>
        <translation>项目与载体数量</translation>
    </message>
    <message>
        <source>Number of enterprises and institutions</source>
        <translation>企业与机构数量</translation>
    </message>
    <message>
        <source>Number of people</source>
        <translation>人员数量</translation>
    </message>
    <message>
        <source>In the park</source>
        <translation>园区内</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>主要数据</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Projects and carriers</source>
        <translation>项目与载体</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare Parks</source>
        <translation>园区对比</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>The parks compared</source>
        <translation>园区对比</translation>
    </message>
    <message>
        <source>Export the comparison as CSV</source>
        <translation>将对比结果导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>ContactActions</name>
    <message>
        <source>national form</source>
        <translation>国内格式</translation>
    </message>
    <message>
        <source>international form</source>
        <translation>国际格式</translation>
    </message>
    <message>
        <source>E.164 form</source>
        <translation>E.164 格式</translation>
    </message>
    <message>
        <source>Copied the address “{address}” ({whose})</source>
        <translation>已复制地址“{address}”（{whose}）</translation>
    </message>
    <message>
        <source>Copied “{number}” as written ({whose})</source>
        <translation>已按原文复制“{number}”（{whose}）</translation>
    </message>
    <message>
        <source>Copied “{number}” ({whose}, {form})</source>
        <translation>已复制“{number}”（{whose}，{form}）</translation>
    </message>
    <message>
        <source>Copy {number}</source>
        <translation>复制 {number}</translation>
    </message>
    <message>
        <source>Copy international form  {number}</source>
        <translation>复制国际格式  {number}</translation>
    </message>
    <message>
        <source>Copy E.164 form  {number}</source>
        <translation>复制 E.164 格式  {number}</translation>
    </message>
    <message>
        <source>Copy “{number}” as written</source>
        <translation>按原文复制“{number}”</translation>
    </message>
    <message>
        <source>Copy all contacts of {name}</source>
        <translation>复制{name}的全部联系方式</translation>
    </message>
    <message>
        <source>Call {number}</source>
        <translation>拨打 {number}</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>parkdesk hit an internal error; details were saved to {path}.</source>
        <translation>parkdesk 发生内部错误，详细信息已保存到 {path}。</translation>
    </message>
    <message>
        <source>parkdesk hit an internal error; its details could not be saved to a log file.</source>
        <translation>parkdesk 发生内部错误，详细信息未能保存到日志文件。</translation>
    </message>
    <message>
        <source>parkdesk keeps running. If something looks wrong, restart it.</source>
        <translation>parkdesk 仍在运行。如发现异常，请重新启动。</translation>
    </message>
</context>
<context>
    <name>DatabaseErrorDialog</name>
    <message>
        <source>parkdesk: cannot open the database</source>
        <translation>parkdesk：无法打开数据库</translation>
    </message>
    <message>
        <source>Open Another Database…</source>
        <translation>打开其他数据库…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>date inferred</source>
        <translation>日期为推断</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>1</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>2</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>3</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>4</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>6</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>7</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>8</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>9</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>10</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>11</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>12</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{year}年{month}月{day}日</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <translation>{year}年{month}月</translation>
    </message>
</context>
<context>
    <name>DetailHtml</name>
    <message>
        <source>Show in the tree</source>
        <translation>在目录树中显示</translation>
    </message>
    <message>
        <source>{other} works here</source>
        <translation>{other}在此任职</translation>
    </message>
    <message>
        <source>{other} is located here</source>
        <translation>{other}位于此处</translation>
    </message>
    <message>
        <source>{other} grew up here</source>
        <translation>{other}在此成长</translation>
    </message>
    <message>
        <source>{other} invests here</source>
        <translation>{other}在此投资</translation>
    </message>
    <message>
        <source>{other} signed to settle here</source>
        <translation>{other}已签约落户于此</translation>
    </message>
    <message>
        <source>{other} is a partner here</source>
        <translation>{other}是此处的合作方</translation>
    </message>
    <message>
        <source>Operated by {other}</source>
        <translation>运营方：{other}</translation>
    </message>
    <message>
        <source>Served by {other}</source>
        <translation>服务方：{other}</translation>
    </message>
    <message>
        <source>Co-founded by {other}</source>
        <translation>共同创办方：{other}</translation>
    </message>
    <message>
        <source>Works at {other}</source>
        <translation>任职于{other}</translation>
    </message>
    <message>
        <source>Located in {other}</source>
        <translation>位于{other}</translation>
    </message>
    <message>
        <source>Grew up in {other}</source>
        <translation>成长于{other}</translation>
    </message>
    <message>
        <source>Invests in {other}</source>
        <translation>投资{other}</translation>
    </message>
    <message>
        <source>Signed to settle in {other}</source>
        <translation>签约落户{other}</translation>
    </message>
    <message>
        <source>Partner in {other}</source>
        <translation>合作参与{other}</translation>
    </message>
    <message>
        <source>Operates {other}</source>
        <translation>运营{other}</translation>
    </message>
    <message>
        <source>Serves {other}</source>
        <translation>服务{other}</translation>
    </message>
    <message>
        <source>Co-founded {other}</source>
        <translation>共同创办{other}</translation>
    </message>
    <message>
        <source>{other} is its {relation}</source>
        <translation>{other}是其{relation}</translation>
    </message>
    <message>
        <source>{other} {relation} this</source>
        <translation>{other}（{relation}）</translation>
    </message>
    <message>
        <source>paragraph {number}</source>
        <translation>第 {number} 段</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Open article</source>
        <translation>打开文章</translation>
    </message>
    <message>
        <source>(no web address recorded)</source>
        <translation>（未记录网址）</translation>
    </message>
    <message>
        <source>{file}, imported and reviewed by you, {date}</source>
        <translation>{file}，由您于 {date} 导入并审核</translation>
    </message>
    <message>
        <source>for {period}</source>
        <translation>{period}</translation>
    </message>
    <message>
        <source>reported {date}</source>
        <translation>{date}报道</translation>
    </message>
    <message>
        <source>not a valid number</source>
        <translation>号码无效</translation>
    </message>
</context>
<context>
    <name>DetailPage</name>
    <message>
        <source>— entered by you, {date}</source>
        <translation>— 由您于 {date} 录入</translation>
    </message>
    <message>
        <source>— name entered by you, {date}</source>
        <translation>— 名称由您于 {date} 录入</translation>
    </message>
    <message>
        <source>— written by you, {date}</source>
        <translation>— 由您于 {date} 撰写</translation>
    </message>
    <message>
        <source>— marked by you, {date}</source>
        <translation>— 由您于 {date} 标记</translation>
    </message>
    <message>
        <source>— reviewed by you, {date}</source>
        <translation>— 由您于 {date} 审核</translation>
    </message>
    <message>
        <source>…and {count} more: browse them in the tree or search.</source>
        <translation>…另有 {count} 项：请在目录树中浏览或搜索。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>No phone numbers in the articles.</source>
        <translation>文章中没有电话号码。</translation>
    </message>
    <message>
        <source>Entered by you, {date}.</source>
        <translation>由您于 {date} 录入。</translation>
    </message>
    <message>
        <source>Reviewed by you from an imported article, {date}.</source>
        <translation>由您于 {date} 根据导入的文章审核。</translation>
    </message>
    <message>
        <source>In the articles: {value}</source>
        <translation>文章原文：{value}</translation>
    </message>
    <message>
        <source>Also known as: {names}</source>
        <translation>别名：{names}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source> (in the articles: {value})</source>
        <translation>（文章原文：{value}）</translation>
    </message>
    <message>
        <source>Found automatically in the articles; not yet reviewed.</source>
        <translation>由程序从文章中自动识别，尚未审核。</translation>
    </message>
    <message>
        <source>Your note</source>
        <translation>您的备注</translation>
    </message>
    <message>
        <source>+{count} more articles</source>
        <translation>另有 {count} 篇文章</translation>
    </message>
    <message>
        <source>District</source>
        <translation>所在区</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>隶属于</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Outside the zone</source>
        <translation>区外</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>高新区</translation>
    </message>
    <message>
        <source>zone-wide ({zone})</source>
        <translation>全区（{zone}）</translation>
    </message>
    <message>
        <source>outdated</source>
        <translation>已过时</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>主要数据</translation>
    </message>
    <message>
        <source>Click a number to copy it; right-click for more.</source>
        <translation>单击号码即可复制；右键单击查看更多操作。</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>In the article: {value}</source>
        <translation>文章原文：{value}</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Includes</source>
        <translation>包括</translation>
    </message>
    <message>
        <source>This item is no longer in the database.</source>
        <translation>该条目已不在数据库中。</translation>
    </message>
    <message>
        <source>not published</source>
        <translation>未公布</translation>
    </message>
    <message>
        <source>Zone-wide</source>
        <translation>全区</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Parks</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Related</source>
        <translation>相关</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Organisations involved</source>
        <translation>参与单位</translation>
    </message>
    <message>
        <source>Figures and dates</source>
        <translation>数据与日期</translation>
    </message>
    <message>
        <source>The source articles name it but give no figures, dates, contacts or people for it.</source>
        <translation>来源文章提到了它，但没有给出其数据、日期、联系方式或人员。</translation>
    </message>
    <message>
        <source>Titles</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>No titles in the articles.</source>
        <translation>文章中没有职务信息。</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>No contacts.</source>
        <translation>没有联系方式。</translation>
    </message>
    <message>
        <source>Places outside the zone that the articles cover, with the firms and people named there.</source>
        <translation>文章涉及的区外地点，以及文中提到的当地企业和人员。</translation>
    </message>
    <message>
        <source>This contact is no longer in the database.</source>
        <translation>该联系方式已不在数据库中。</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>所属</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>International</source>
        <translation>国际格式</translation>
    </message>
    <message>
        <source>As written</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Click the number to copy it; right-click for more.</source>
        <translation>单击号码即可复制；右键单击查看更多操作。</translation>
    </message>
    <message>
        <source>The articles give different values for {period}.</source>
        <translation>各文章给出的{period}数值不一致。</translation>
    </message>
    <message>
        <source>The articles give different values.</source>
        <translation>各文章给出的数值不一致。</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Click to copy the number; right-click to copy other forms or call.</source>
        <translation>单击复制号码；右键单击可复制其他格式或拨打。</translation>
    </message>
    <message>
        <source>Select an item in the tree, or search (Ctrl+F).</source>
        <translation>请在目录树中选择一项，或进行搜索（Ctrl+F）。</translation>
    </message>
    <message>
        <source>Opening {link} in the browser</source>
        <translation>正在浏览器中打开 {link}</translation>
    </message>
    <message>
        <source>Only web (http/https) links are opened.</source>
        <translation>只会打开网页（http/https）链接。</translation>
    </message>
    <message>
        <source>Copied “{text}”</source>
        <translation>已复制“{text}”</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Open article in the browser</source>
        <translation>在浏览器中打开文章</translation>
    </message>
    <message>
        <source>Copy article address</source>
        <translation>复制文章网址</translation>
    </message>
    <message>
        <source>Copy all contacts of {name}</source>
        <translation>复制{name}的全部联系方式</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>parkdesk databases (*.db *.sqlite);;All files (*)</source>
        <translation>parkdesk 数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
</context>
<context>
    <name>DirectoryTreeModel</name>
    <message>
        <source>{count} {folder}</source>
        <translation>{folder}：{count}</translation>
    </message>
    <message>
        <source>Contact: press Ctrl+C to copy the number</source>
        <translation>联系方式：按 Ctrl+C 复制号码</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) of your imported articles to accept, attach or reject</source>
        <translation>
            <numerusform>您导入的文章中有 %n 项发现待接受、关联或拒绝</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To review (%n)</source>
        <translation>
            <numerusform>待审核（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1
%n finding(s) to review</source>
        <translation>
            <numerusform>%1
%n 项发现待审核</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit Record…</source>
        <translation>编辑条目(&amp;E)…</translation>
    </message>
    <message>
        <source>Correct the selected record or contact</source>
        <translation>更正所选条目或联系方式</translation>
    </message>
    <message>
        <source>&amp;Add to Directory…</source>
        <translation>添加到名录(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a person, enterprise, project or institution</source>
        <translation>添加人员、企业、项目或机构</translation>
    </message>
    <message>
        <source>Add &amp;Contact…</source>
        <translation>添加联系方式(&amp;C)…</translation>
    </message>
    <message>
        <source>Add a phone number or address</source>
        <translation>添加电话号码或地址</translation>
    </message>
    <message>
        <source>&amp;Note…</source>
        <translation>备注(&amp;N)…</translation>
    </message>
    <message>
        <source>Write a note on the selected record</source>
        <translation>为所选条目写备注</translation>
    </message>
    <message>
        <source>Mark Figures &amp;Outdated…</source>
        <translation>标记数据为过时(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>隐藏(&amp;H)</translation>
    </message>
    <message>
        <source>Hide the selected record (undo, or revert it in the History)</source>
        <translation>隐藏所选条目（可撤销，或在历史记录中还原）</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>历史记录(&amp;H)…</translation>
    </message>
    <message>
        <source>All your changes; revert any of them</source>
        <translation>您的全部修改；可还原其中任何一项</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Saved: {change}. Undo with Ctrl+Z.</source>
        <translation>已保存：{change}。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Corrected phone of {name}: {value}</source>
        <translation>已更正{name}的电话：{value}</translation>
    </message>
    <message>
        <source>Corrected address of {name}: {value}</source>
        <translation>已更正{name}的地址：{value}</translation>
    </message>
    <message>
        <source>Select a record to edit</source>
        <translation>请选择要编辑的条目</translation>
    </message>
    <message>
        <source>Edited {name}: {fields}</source>
        <translation>已编辑{name}：{fields}</translation>
    </message>
    <message>
        <source>Added {name}</source>
        <translation>已添加{name}</translation>
    </message>
    <message>
        <source>Select a record to add a contact to</source>
        <translation>请选择要添加联系方式的条目</translation>
    </message>
    <message>
        <source>Added {value} to {name}</source>
        <translation>已为{name}添加 {value}</translation>
    </message>
    <message>
        <source>Select a record to write a note on</source>
        <translation>请选择要写备注的条目</translation>
    </message>
    <message>
        <source>Note on {name}</source>
        <translation>{name}的备注</translation>
    </message>
    <message>
        <source>Removed the note on {name}</source>
        <translation>已删除{name}的备注</translation>
    </message>
    <message>
        <source>The selected record has no figures</source>
        <translation>所选条目没有数据</translation>
    </message>
    <message>
        <source>Marked figures of {name}</source>
        <translation>已标记{name}的数据</translation>
    </message>
    <message>
        <source>Hid {name}</source>
        <translation>已隐藏{name}</translation>
    </message>
    <message>
        <source>The zone itself cannot be hidden</source>
        <translation>不能隐藏高新区本身</translation>
    </message>
    <message>
        <source>Restored your changes from {backup}; what you had is in {saved}.</source>
        <translation>已从 {backup} 恢复您的修改；恢复前的内容保存在 {saved}。</translation>
    </message>
</context>
<context>
    <name>EditDialogs</name>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>In the articles: {value}</source>
        <translation>文章原文：{value}</translation>
    </message>
    <message>
        <source>{name} (zone-wide)</source>
        <translation>{name}（全区）</translation>
    </message>
    <message>
        <source>{name} (outside the zone)</source>
        <translation>{name}（区外）</translation>
    </message>
    <message>
        <source>Edit {kind}</source>
        <translation>编辑{kind}</translation>
    </message>
    <message>
        <source>other names, separated by commas</source>
        <translation>其他名称，用逗号分隔</translation>
    </message>
    <message>
        <source>e.g. under construction, in operation</source>
        <translation>例如：在建、已投产</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Correct contact</source>
        <translation>更正联系方式</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>添加联系方式</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>e.g. Office, Investment hotline, Mobile</source>
        <translation>例如：办公室、招商热线、手机</translation>
    </message>
    <message>
        <source>e.g. 0757 8668 3830</source>
        <translation>例如：0757 8668 3830</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>所属</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Number or address</source>
        <translation>号码或地址</translation>
    </message>
    <message>
        <source>Add to the directory</source>
        <translation>添加到名录</translation>
    </message>
    <message>
        <source>e.g. General Manager</source>
        <translation>例如：总经理</translation>
    </message>
    <message>
        <source>one line in your words</source>
        <translation>用您自己的话写一行</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>At</source>
        <translation>任职单位</translation>
    </message>
    <message>
        <source>(no organisation)</source>
        <translation>（无单位）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Your note: only you see it, and it is never mixed with the articles.</source>
        <translation>您的备注：只有您能看到，且不会与文章内容混在一起。</translation>
    </message>
    <message>
        <source>On {name}</source>
        <translation>关于{name}</translation>
    </message>
    <message>
        <source>Mark figures as outdated</source>
        <translation>标记数据为过时</translation>
    </message>
    <message>
        <source>Outdated figures stay visible, marked as outdated by you.</source>
        <translation>过时的数据仍会显示，并标明由您标记为过时。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>{name} (zone-wide part)</source>
        <translation>{name}（全区部分）</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>JSON documents (*.json)</source>
        <translation>JSON 文档 (*.json)</translation>
    </message>
    <message>
        <source>vCard files (*.vcf)</source>
        <translation>vCard 文件 (*.vcf)</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Everything about the chosen part, with sources (see docs/export-format.md).</source>
        <translation>所选部分的全部信息，附来源（见 docs/export-format.md）。</translation>
    </message>
    <message>
        <source>One card per unit or person with a phone number or address.</source>
        <translation>每个有电话号码或地址的单位或人员一张名片。</translation>
    </message>
    <message>
        <source>JSON document (.json)</source>
        <translation>JSON 文档 (.json)</translation>
    </message>
    <message>
        <source>vCard 3.0 address cards, for phones (.vcf)</source>
        <translation>vCard 3.0 名片，适用于手机 (.vcf)</translation>
    </message>
    <message>
        <source>CSV table of phone numbers (.csv)</source>
        <translation>电话号码 CSV 表格 (.csv)</translation>
    </message>
    <message>
        <source>CSV for Google Contacts, one row per contact (.csv)</source>
        <translation>适用于 Google 通讯录的 CSV，每位联系人一行 (.csv)</translation>
    </message>
    <message>
        <source>CSV for Outlook, one row per contact (.csv)</source>
        <translation>适用于 Outlook 的 CSV，每位联系人一行 (.csv)</translation>
    </message>
    <message>
        <source>One row per phone number; opens in Excel with Chinese intact (LibreOffice: choose Unicode (UTF-8) in the import dialog).</source>
        <translation>每个电话号码一行；用 Excel 打开时中文不会乱码（LibreOffice：在导入对话框中选择 Unicode (UTF-8)）。</translation>
    </message>
    <message>
        <source>One row per contact, with the headers Google Contacts imports (contacts.google.com › Import).</source>
        <translation>每位联系人一行，表头与 Google 通讯录的导入格式一致（contacts.google.com › 导入）。</translation>
    </message>
    <message>
        <source>One row per contact, with the headers Outlook imports (File › Open &amp; Export › Import/Export › Comma Separated Values).</source>
        <translation>每位联系人一行，表头与 Outlook 的导入格式一致（文件 › 打开和导出 › 导入/导出 › 逗号分隔值）。</translation>
    </message>
    <message>
        <source>the whole directory</source>
        <translation>整个名录</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Selection: {}</source>
        <translation>所选条目：{}</translation>
    </message>
    <message>
        <source>This park: {}</source>
        <translation>本园区：{}</translation>
    </message>
    <message>
        <source>Everything: the whole directory</source>
        <translation>全部：整个名录</translation>
    </message>
    <message>
        <source>(nothing selected)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Where the export is written</source>
        <translation>导出文件的保存位置</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>导出范围：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>{name} already exists in {folder}. Replace it?</source>
        <translation>{folder} 中已有 {name}。要替换吗？</translation>
    </message>
    <message>
        <source>Exported %1 to %2 (%3 bytes)</source>
        <translation>已将%1导出到 %2（%3 字节）</translation>
    </message>
    <message>
        <source>Export cancelled; no file written.</source>
        <translation>已取消导出，未写入文件。</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出%1…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>FactSheet</name>
    <message>
        <source>no</source>
        <translation>零</translation>
    </message>
    <message>
        <source>one</source>
        <translation>一</translation>
    </message>
    <message>
        <source>two</source>
        <translation>二</translation>
    </message>
    <message>
        <source>three</source>
        <translation>三</translation>
    </message>
    <message>
        <source>four</source>
        <translation>四</translation>
    </message>
    <message>
        <source>five</source>
        <translation>五</translation>
    </message>
    <message>
        <source>six</source>
        <translation>六</translation>
    </message>
    <message>
        <source>seven</source>
        <translation>七</translation>
    </message>
    <message>
        <source>eight</source>
        <translation>八</translation>
    </message>
    <message>
        <source>The first {shown} of {total} are listed here. parkdesk shows all of them, and File › Export… writes them all to a file.</source>
        <translation>此处列出前 {shown} 个，共 {total} 个。parkdesk 中可查看全部，“文件 › 导出…”可将全部写入文件。</translation>
    </message>
    <message>
        <source>Zone of one park</source>
        <translation>一区一园</translation>
    </message>
    <message>
        <source>Zone of {count} parks</source>
        <translation>一区{count}园</translation>
    </message>
    <message>
        <source>not a valid number as published</source>
        <translation>原文号码无效</translation>
    </message>
    <message>
        <source>For</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>National</source>
        <translation>国内格式</translation>
    </message>
    <message>
        <source>International</source>
        <translation>国际格式</translation>
    </message>
    <message>
        <source>No contact details published for {subject}.</source>
        <translation>{subject}未公布联系方式。</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Scan to call</source>
        <translation>扫码拨打</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>主要数据</translation>
    </message>
    <message>
        <source>No figures published for {subject}.</source>
        <translation>{subject}未公布数据。</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Refers to</source>
        <translation>所属期间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>District</source>
        <translation>所在区</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Enterprises and institutions</source>
        <translation>企业与机构</translation>
    </message>
    <message>
        <source>Parks</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Projects and carriers</source>
        <translation>项目与载体</translation>
    </message>
    <message>
        <source>No projects or carriers published for {subject}.</source>
        <translation>{subject}未公布项目或载体。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>投资额</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>Key dates and other figures</source>
        <translation>重要日期及其他数据</translation>
    </message>
    <message>
        <source>No enterprises or institutions published for {subject}.</source>
        <translation>{subject}未公布企业或机构。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Project or carrier</source>
        <translation>所在项目或载体</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>No people published for {subject}.</source>
        <translation>{subject}未公布人员信息。</translation>
    </message>
    <message>
        <source>reported {date}</source>
        <translation>{date}报道</translation>
    </message>
    <message>
        <source>Italics</source>
        <translation>斜体</translation>
    </message>
    <message>
        <source>: a projection (expected, estimated, planned or a target), not a reported result.</source>
        <translation>：预测值（预计、估计、计划或目标），并非已报道的实际结果。</translation>
    </message>
    <message>
        <source>{figure}: the articles give different values for {period}; each is listed as reported.</source>
        <translation>{figure}：各文章给出的{period}数值不一致，按报道原样逐一列出。</translation>
    </message>
    <message>
        <source>not published</source>
        <translation>未公布</translation>
    </message>
    <message>
        <source>no title published</source>
        <translation>未公布职务</translation>
    </message>
    <message>
        <source>Titles</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>No sources published for {subject}.</source>
        <translation>{subject}没有来源。</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>日期不详</translation>
    </message>
    <message>
        <source>{name} fact sheet</source>
        <translation>{name}概况表</translation>
    </message>
    <message>
        <source>the zone</source>
        <translation>高新区</translation>
    </message>
    <message>
        <source>this park</source>
        <translation>本园区</translation>
    </message>
    <message>
        <source>Fact sheet generated {date} by parkdesk from the directory built {built}.</source>
        <translation>本概况表由 parkdesk 于 {date} 根据 {built} 生成的名录制作。</translation>
    </message>
    <message>
        <source>Fact sheet generated {date} by parkdesk.</source>
        <translation>本概况表由 parkdesk 于 {date} 制作。</translation>
    </message>
</context>
<context>
    <name>FactSheetPreview</name>
    <message>
        <source>All parks</source>
        <translation>全部园区</translation>
    </message>
    <message>
        <source>Preview the zone and all five parks, each from a new page</source>
        <translation>预览高新区及全部五个园区，每个从新的一页开始</translation>
    </message>
    <message>
        <source>Fact sheet preview — {title}</source>
        <translation>概况表预览 — {title}</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>in effect</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>reverted</source>
        <translation>已还原</translation>
    </message>
    <message>
        <source>{date} {time} UTC</source>
        <translation>{date} {time}（UTC）</translation>
    </message>
    <message>
        <source>History of your changes</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Revert This Change</source>
        <translation>还原此修改(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Apply Again</source>
        <translation>重新应用(&amp;A)</translation>
    </message>
    <message>
        <source>No changes yet. Edit a record (F2), add a contact or a note, and it is listed here.</source>
        <translation>尚无修改。编辑条目（F2）、添加联系方式或备注后，会在此列出。</translation>
    </message>
    <message>
        <source>(as opened)</source>
        <translation>（打开时的状态）</translation>
    </message>
    <message>
        <source>All your changes, kept until you revert them. Reverting one leaves the others as they are.</source>
        <translation>您的全部修改都会保留，直到您还原为止。还原一项不影响其他修改。</translation>
    </message>
    <message>
        <source>This session (Edit › Undo / Redo):</source>
        <translation>本次会话（编辑 › 撤销 / 重做）：</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>Zone</source>
        <extracomment>Each kind&apos;s English name (exports and the CLI); `kind_label` gives the interface language&apos;s.</extracomment>
        <translation>高新区</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机关单位</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Place outside the zone</source>
        <translation>区外地点</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Directory tree</source>
        <extracomment>The window&apos;s first paint is on screen: what can wait for it starts now (the launch&apos;s backups, the single-instance socket); the user store&apos;s messages are shown after it.</extracomment>
        <translation>名录目录树</translation>
    </message>
    <message>
        <source>The zone, its parks and their folders; arrow keys move, Right opens a folder, Ctrl+C copies the selected number or name</source>
        <translation>高新区、各园区及其分类文件夹；方向键移动，右方向键展开文件夹，Ctrl+C 复制所选号码或名称</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>The selected item&apos;s page with its sources; Tab moves between its links, Enter follows one</source>
        <translation>所选条目的页面及其来源；Tab 在链接之间移动，Enter 打开链接</translation>
    </message>
    <message>
        <source>parkdesk: your changes</source>
        <translation>parkdesk：您的修改</translation>
    </message>
    <message>
        <source>Keep Using It</source>
        <translation>继续使用</translation>
    </message>
    <message>
        <source>{name} · built {date}</source>
        <translation>{name} · 生成于 {date}</translation>
    </message>
    <message>
        <source>Copied “{text}”</source>
        <translation>已复制“{text}”</translation>
    </message>
    <message>
        <source>Nothing selected to copy</source>
        <translation>没有选中可复制的内容</translation>
    </message>
    <message>
        <source>Copied the name “{name}”</source>
        <translation>已复制名称“{name}”</translation>
    </message>
    <message>
        <source>No contacts to copy here</source>
        <translation>此处没有可复制的联系方式</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>已打开 {path}</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>Show the previous page</source>
        <translation>显示上一页</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <source>Show the next page</source>
        <translation>显示下一页</translation>
    </message>
</context>
<context>
    <name>NewRecordDialog</name>
    <message>
        <source>Accept as a new record</source>
        <translation>接受为新条目</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>The name is empty; type one, or cancel.</source>
        <translation>名称为空；请输入名称，或取消。</translation>
    </message>
</context>
<context>
    <name>Posts</name>
    <message>
        <source>date not stated</source>
        <translation>日期未注明</translation>
    </message>
    <message>
        <source>current (as of {date})</source>
        <translation>现任（截至 {date}）</translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation>截至 {date}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>No printer is installed: Print will save the fact sheet as a PDF file instead.</source>
        <translation>未安装打印机：“打印”会将概况表另存为 PDF 文件。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the PDF came out empty.</source>
        <translation>无法写入 {path}：生成的 PDF 为空。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the file could not be written in full; check the free disk space.</source>
        <translation>无法写入 {path}：文件未能完整写入，请检查磁盘剩余空间。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the PDF writer reported an error.</source>
        <translation>无法写入 {path}：PDF 写入程序报告错误。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the disk is full. Free some space and try again.</source>
        <translation>无法写入 {path}：磁盘已满。请释放一些空间后重试。</translation>
    </message>
    <message>
        <source>Export fact sheet as PDF</source>
        <translation>将概况表导出为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Export fact sheet</source>
        <translation>导出概况表</translation>
    </message>
    <message>
        <source>Writing the fact sheet…</source>
        <translation>正在写入概况表…</translation>
    </message>
    <message>
        <source>Writing the fact sheets…</source>
        <translation>正在写入各概况表…</translation>
    </message>
    <message>
        <source>No fonts are installed, so the fact sheet would have no text; install some (on Debian or Ubuntu: apt install fonts-dejavu-core fonts-noto-cjk).</source>
        <translation>系统未安装字体，概况表将没有文字；请安装字体（Debian 或 Ubuntu：apt install fonts-dejavu-core fonts-noto-cjk）。</translation>
    </message>
    <message>
        <source>Fact sheets</source>
        <translation>概况表</translation>
    </message>
    <message>
        <source>The fact sheet could not be printed: the printer did not start.</source>
        <translation>无法打印概况表：打印机未能启动。</translation>
    </message>
    <message>
        <source>The fact sheet could not be printed: no new page.</source>
        <translation>无法打印概况表：无法开始新的一页。</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>第 {page} 页，共 {count} 页</translation>
    </message>
    <message>
        <source>The fact sheet could not be printed: the printer did not finish.</source>
        <translation>无法打印概况表：打印机未能完成打印。</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish to Address Book</source>
        <translation>发布到通讯录</translation>
    </message>
    <message>
        <source>Every record with a phone number becomes a card in the CardDAV address book, and cards of records no longer in the directory are removed. Phones subscribed to the book follow. The password is not kept.</source>
        <translation>每个有电话号码的条目都会成为 CardDAV 通讯录中的一张名片，名录中已不存在的条目的名片会被删除。订阅该通讯录的手机会随之更新。密码不会被保存。</translation>
    </message>
    <message>
        <source>Address book:</source>
        <translation>通讯录地址：</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Give the address book&apos;s address, starting with https://.</source>
        <translation>请填写通讯录地址，以 https:// 开头。</translation>
    </message>
    <message>
        <source>Publishing failed</source>
        <translation>发布失败</translation>
    </message>
    <message>
        <source>Publishing to the address book…</source>
        <translation>正在发布到通讯录…</translation>
    </message>
</context>
<context>
    <name>QrWidget</name>
    <message>
        <source>QR code of the contact card</source>
        <translation>联系人名片二维码</translation>
    </message>
    <message>
        <source>Shown when the selected record has a phone number: scan it to add the card to a phone</source>
        <translation>所选条目有电话号码时显示：扫码即可将名片添加到手机</translation>
    </message>
    <message>
        <source>Scan to add {name} to your phone&apos;s contacts</source>
        <translation>扫码将{name}添加到手机通讯录</translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message numerus="yes">
        <source>{date} UTC — %n change(s)</source>
        <translation>
            <numerusform>{date}（UTC）— %n 项修改</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Your changes as they were at one of these times. What you have now is backed up first, so it can be restored too.</source>
        <translation>将您的修改恢复到以下某个时间点的状态。当前内容会先备份，之后也可以恢复。</translation>
    </message>
    <message>
        <source>There are no backups yet: one is made each day you make changes, and when parkdesk starts.</source>
        <translation>尚无备份：在您做出修改的每一天以及 parkdesk 启动时都会生成备份。</translation>
    </message>
</context>
<context>
    <name>ReviewDialogs</name>
    <message>
        <source>{kind}: “{text}” (paragraph {number})</source>
        <translation>{kind}：“{text}”（第 {number} 段）</translation>
    </message>
    <message>
        <source>named in the paragraph as “{name}”</source>
        <translation>该段中称为“{name}”</translation>
    </message>
    <message>
        <source>written in the paragraph as “{name}”</source>
        <translation>该段中写作“{name}”</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>figure</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Enter accept · Del reject · Tab next · P attach to the proposal · F find a record · N new record · Ctrl+Shift+A accept all proposals · Ctrl+Z undo</source>
        <translation>Enter 接受 · Del 拒绝 · Tab 下一项 · P 关联到建议条目 · F 查找条目 · N 新建条目 · Ctrl+Shift+A 接受全部建议 · Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>taken</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>接受(&amp;A)</translation>
    </message>
    <message>
        <source>Attach to &amp;Proposal</source>
        <translation>关联到建议条目(&amp;P)</translation>
    </message>
    <message>
        <source>Attach to &amp;Record…</source>
        <translation>关联到条目(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;New Record…</source>
        <translation>新建条目(&amp;N)…</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>拒绝(&amp;J)</translation>
    </message>
    <message>
        <source>Accept All Pr&amp;oposals</source>
        <translation>接受全部建议(&amp;O)</translation>
    </message>
    <message>
        <source>Nothing to review</source>
        <translation>没有待审核的内容</translation>
    </message>
    <message>
        <source>Import articles with File › Import Articles… or drop them on the window.</source>
        <translation>请通过“文件 › 导入文章…”导入文章，或将文章拖放到窗口上。</translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n 项待审核</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n findings</source>
        <translation>
            <numerusform>（共 %n 项发现）</numerusform>
        </translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>added as a new record</source>
        <translation>已添加为新条目</translation>
    </message>
    <message>
        <source>attached</source>
        <translation>已关联</translation>
    </message>
    <message>
        <source>set as a figure</source>
        <translation>已设为数据</translation>
    </message>
    <message>
        <source>Paragraph %1</source>
        <translation>第 %1 段</translation>
    </message>
    <message>
        <source>Proposed: %1 (%2)</source>
        <translation>建议：%1（%2）</translation>
    </message>
    <message>
        <source>Already decided; Ctrl+Z takes the decision back.</source>
        <translation>已作出决定；按 Ctrl+Z 可撤回。</translation>
    </message>
    <message>
        <source>No record is proposed for this finding: F finds one, N makes one.</source>
        <translation>此发现没有建议的条目：按 F 查找，按 N 新建。</translation>
    </message>
    <message>
        <source>No finding of this article has a proposed record left.</source>
        <translation>本文章已没有带建议条目的发现。</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>No matches. The directory is in English: try the pinyin or English name (Nanhai for 南海, Shunde for 顺德).</source>
        <translation>无匹配结果。请尝试拼音或英文名称（如 nanhai 或 Nanhai 表示南海，shunde 或 Shunde 表示顺德）。</translation>
    </message>
    <message>
        <source>Unreviewed finding</source>
        <translation>未审核的发现</translation>
    </message>
    <message>
        <source>{kind} (unreviewed)</source>
        <translation>{kind}（未审核）</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search parks, projects, enterprises, people…  (Ctrl+F)</source>
        <translation>搜索园区、项目、企业、人员…（可用拼音）  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the directory</source>
        <translation>搜索名录</translation>
    </message>
    <message>
        <source>Type a name, a number or pinyin; the results list below follows as you type. Up and Down choose a result, Enter shows it in the tree, Escape clears.</source>
        <translation>输入名称、号码或拼音，下方结果随输入更新。↑↓ 选择结果，Enter 在目录树中显示，Esc 清除。</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>The records found; Enter shows the chosen one in the tree, a click on a number copies it</source>
        <translation>找到的条目；Enter 在目录树中显示所选条目，单击号码即可复制</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配结果</translation>
    </message>
    <message numerus="yes">
        <source>Showing results for “{text}” · %n match(es)</source>
        <translation>
            <numerusform>显示“{text}”的结果 · %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>First %n matches: type more to narrow them down</source>
        <translation>
            <numerusform>前 %n 项结果：输入更多文字以缩小范围</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) — ↑↓ to choose, Enter to show</source>
        <translation>
            <numerusform>%n 项结果 — ↑↓ 选择，Enter 显示</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>unreviewed</source>
        <translation>未审核</translation>
    </message>
    <message>
        <source>zone-wide</source>
        <translation>全区</translation>
    </message>
    <message>
        <source>Click the number to copy it; Enter shows it in the tree.</source>
        <translation>单击号码即可复制；按 Enter 在目录树中显示。</translation>
    </message>
</context>
<context>
    <name>Tree</name>
    <message>
        <source>Projects &amp; carriers</source>
        <translation>项目与载体</translation>
    </message>
    <message>
        <source>Enterprises &amp; institutions</source>
        <translation>企业与机构</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Beyond the zone</source>
        <translation>区外</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>待审核</translation>
    </message>
</context>
<context>
    <name>UserEdits</name>
    <message>
        <source>Revert “{change}”</source>
        <translation>还原“{change}”</translation>
    </message>
    <message>
        <source>Apply again “{change}”</source>
        <translation>重新应用“{change}”</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Open Database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the directory as JSON, vCard or CSV</source>
        <translation>将名录导出为 JSON、vCard 或 CSV</translation>
    </message>
    <message>
        <source>P&amp;ublish to Address Book…</source>
        <translation>发布到通讯录(&amp;U)…</translation>
    </message>
    <message>
        <source>Put every contact on a CardDAV address book that phones subscribe to</source>
        <translation>将全部联系方式发布到手机可订阅的 CardDAV 通讯录</translation>
    </message>
    <message>
        <source>&amp;Print Fact Sheet…</source>
        <translation>打印概况表(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the selected park&apos;s fact sheet</source>
        <translation>打印所选园区的概况表</translation>
    </message>
    <message>
        <source>Export Fact Sheet as P&amp;DF…</source>
        <translation>将概况表导出为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save the fact sheet as a PDF file</source>
        <translation>将概况表保存为 PDF 文件</translation>
    </message>
    <message>
        <source>Print &amp;All Parks…</source>
        <translation>打印全部园区(&amp;A)…</translation>
    </message>
    <message>
        <source>Preview and print the zone&apos;s and every park&apos;s fact sheet</source>
        <translation>预览并打印高新区及各园区的概况表</translation>
    </message>
    <message>
        <source>Export All Parks as PD&amp;F…</source>
        <translation>将全部园区导出为 PDF(&amp;F)…</translation>
    </message>
    <message>
        <source>Save the zone&apos;s and every park&apos;s fact sheet as one PDF</source>
        <translation>将高新区及各园区的概况表保存为一个 PDF</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected number or text</source>
        <translation>复制所选号码或文字</translation>
    </message>
    <message>
        <source>Copy All &amp;Contacts of This Park</source>
        <translation>复制本园区全部联系方式(&amp;C)</translation>
    </message>
    <message>
        <source>Copy every phone number of the selected park as text</source>
        <translation>将所选园区的全部电话号码复制为文本</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Search the directory</source>
        <translation>搜索名录</translation>
    </message>
    <message>
        <source>Go to &amp;Tree</source>
        <translation>转到目录树(&amp;T)</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the tree</source>
        <translation>将键盘焦点移到目录树</translation>
    </message>
    <message>
        <source>Co&amp;llapse Tree</source>
        <translation>折叠目录树(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller Text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Normal Text Size</source>
        <translation>默认文字大小(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;About parkdesk</source>
        <translation>关于 parkdesk(&amp;A)</translation>
    </message>
    <message>
        <source>Co&amp;mpare Parks</source>
        <translation>园区对比(&amp;M)</translation>
    </message>
    <message>
        <source>The parks side by side</source>
        <translation>并排比较各园区</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Show &amp;Toolbar</source>
        <translation>显示工具栏(&amp;T)</translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>Copied %n contact(s) of {name} as text</source>
        <translation>
            <numerusform>已将{name}的 %n 条联系方式复制为文本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n article(s) for review; Ctrl+Z takes an import back.</source>
        <translation>
            <numerusform>已导入 %n 篇文章待审核；按 Ctrl+Z 可撤销导入。</numerusform>
        </translation>
    </message>
</context>
</TS>
